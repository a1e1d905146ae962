package uk.co.lomashwood.auth.password;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.SecureTokens;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** {@code password_reset_tokens} (purpose RESET): 32 random bytes (hex), SHA-256 stored, 15 minutes, single use. */
@Component
public class ResetTokens {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    public ResetTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Invalidates the user's unused tokens and returns a new one in clear (for the email only). */
    public String issue(UUID userId, String ipAddress) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE password_reset_tokens SET is_used = true, used_at = ? WHERE user_id = ? AND is_used = false")
                .params(Timestamp.from(now), userId).update();
        String token = SecureTokens.randomHex();
        jdbc.sql("""
                INSERT INTO password_reset_tokens (id, user_id, purpose, token_hash, expires_at, ip_address, created_at)
                VALUES (?, ?, 'RESET', ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), userId, SecureTokens.sha256(token), Timestamp.from(now.plus(LIFETIME)),
                        ipAddress, Timestamp.from(now))
                .update();
        return token;
    }

    /** Marks the token used and returns its user, when it exists, is unused and unexpired. */
    public Optional<UUID> consume(String token) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE password_reset_tokens SET is_used = true, used_at = ?
                WHERE token_hash = ? AND is_used = false AND expires_at > ? RETURNING user_id""")
                .params(Timestamp.from(now), SecureTokens.sha256(token), Timestamp.from(now))
                .query(UUID.class).optional();
    }

    /** Requests in the last 24 hours and the latest one, for the 3-per-day cap and the 5-minute cooldown. */
    public record Requested(int count, Instant latest) {
    }

    public Requested requestedSince(UUID userId, Instant since) {
        return jdbc.sql("""
                SELECT count(*) AS n, max(created_at) AS latest FROM password_reset_tokens
                WHERE user_id = ? AND purpose = 'RESET' AND created_at >= ?""")
                .params(userId, Timestamp.from(since))
                .query((rs, n) -> new Requested(rs.getInt("n"),
                        rs.getTimestamp("latest") == null ? null : rs.getTimestamp("latest").toInstant()))
                .single();
    }
}
