package uk.co.lomashwood.auth.session;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.SecureTokens;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Revoked access tokens: {@code auth:blacklist:{jti}} = 1 until the token would have expired, plus a
 * durable {@code token_blacklist} row (SHA-256 of the jti) to rebuild Redis after a failover.
 */
@Component
public class TokenBlacklist {

    private static final String PREFIX = "auth:blacklist:";

    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;
    private final Clock clock;

    public TokenBlacklist(StringRedisTemplate redis, JdbcClient jdbc, Clock clock) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Blacklists the token until {@code expiresAt}; a token already expired needs nothing. */
    public void blacklist(String jti, UUID userId, Instant expiresAt, String reason) {
        Instant now = clock.instant();
        Duration remaining = Duration.between(now, expiresAt);
        if (remaining.isNegative() || remaining.isZero()) {
            return;
        }
        redis.opsForValue().set(PREFIX + jti, "1", remaining);
        jdbc.sql("""
                INSERT INTO token_blacklist (id, token_hash, token_type, user_id, reason, expires_at, created_at)
                VALUES (?, ?, 'ACCESS', ?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING""")
                .params(UUID.randomUUID(), SecureTokens.sha256(jti), userId, reason, Timestamp.from(expiresAt),
                        Timestamp.from(now))
                .update();
    }

    public boolean isBlacklisted(String jti) {
        return Boolean.TRUE.equals(redis.hasKey(PREFIX + jti));
    }
}
