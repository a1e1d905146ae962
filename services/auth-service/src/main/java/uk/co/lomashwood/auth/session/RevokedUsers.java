package uk.co.lomashwood.auth.session;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code auth:revoked-user:{userId}} = epoch seconds of a user-wide revocation, kept for one access-token
 * lifetime (900 s): access tokens issued before it are refused (spec 10 §2.5.5).
 */
@Component
public class RevokedUsers {

    private static final String PREFIX = "auth:revoked-user:";
    private static final Duration TTL = Duration.ofSeconds(900);

    private final StringRedisTemplate redis;
    private final Clock clock;

    public RevokedUsers(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public void revokeAllTokens(UUID userId) {
        redis.opsForValue().set(PREFIX + userId, Long.toString(clock.instant().getEpochSecond()), TTL);
    }

    /** Epoch second of the latest user-wide revocation still in force. */
    public Optional<Long> revokedAt(UUID userId) {
        String value = redis.opsForValue().get(PREFIX + userId);
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
