package uk.co.lomashwood.auth.verification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.SecureTokens;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Link tokens in {@code email_verification_tokens}: 32 random bytes (hex), SHA-256 stored, 24 hours, single use. */
@Component
public class VerificationLinks {

    static final Duration LIFETIME = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;

    public VerificationLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Row(UUID id, UUID userId, boolean used, Instant expiresAt) {
    }

    /** Invalidates the user's earlier tokens and returns a new one in clear (for the email only). */
    public String issue(UUID userId, String email) {
        invalidateAll(userId);
        String token = SecureTokens.randomHex();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO email_verification_tokens (id, user_id, email, token_hash, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), userId, email, SecureTokens.sha256(token), Timestamp.from(now.plus(LIFETIME)),
                        Timestamp.from(now))
                .update();
        return token;
    }

    public Optional<Row> find(String token) {
        return jdbc.sql("SELECT id, user_id, is_used, expires_at FROM email_verification_tokens WHERE token_hash = ?")
                .param(SecureTokens.sha256(token))
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getBoolean("is_used"), rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    public void invalidateAll(UUID userId) {
        jdbc.sql("UPDATE email_verification_tokens SET is_used = true, used_at = ? WHERE user_id = ? AND is_used = false")
                .params(Timestamp.from(clock.instant()), userId).update();
    }

    /** How many tokens were sent to the user since {@code since}, and when the latest one was. */
    public record Sent(int count, Instant latest) {
    }

    public Sent sentSince(UUID userId, Instant since) {
        return jdbc.sql("SELECT count(*) AS n, max(created_at) AS latest FROM email_verification_tokens WHERE user_id = ? AND created_at >= ?")
                .params(userId, Timestamp.from(since))
                .query((rs, n) -> new Sent(rs.getInt("n"),
                        rs.getTimestamp("latest") == null ? null : rs.getTimestamp("latest").toInstant()))
                .single();
    }
}
