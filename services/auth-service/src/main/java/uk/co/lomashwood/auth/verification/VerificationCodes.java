package uk.co.lomashwood.auth.verification;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.SecureTokens;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The 6-digit email code (spec 10 §2.5.1, §2.8): {@code auth:otp:{userId}} holds its SHA-256 for 10 minutes;
 * {@code auth:otp-attempts:{userId}} counts wrong tries for 15 minutes.
 */
@Component
public class VerificationCodes {

    static final Duration CODE_TTL = Duration.ofMinutes(10);
    static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(15);
    static final int MAX_ATTEMPTS = 5;

    private final StringRedisTemplate redis;

    public VerificationCodes(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A new code replacing any earlier one; returned in clear for the email only. */
    public String issue(UUID userId) {
        String code = SecureTokens.randomDigits(6);
        redis.opsForValue().set("auth:otp:" + userId, SecureTokens.sha256(userId + ":" + code), CODE_TTL);
        return code;
    }

    public enum Check { MATCH, MISMATCH, NO_CODE }

    public Check check(UUID userId, String code) {
        String stored = redis.opsForValue().get("auth:otp:" + userId);
        if (stored == null) {
            return Check.NO_CODE;
        }
        return SecureTokens.constantTimeEquals(stored, SecureTokens.sha256(userId + ":" + code)) ? Check.MATCH : Check.MISMATCH;
    }

    /** Seconds until wrong tries are forgotten, when the limit is reached; empty otherwise. */
    public Optional<Long> blockedFor(UUID userId) {
        String attempts = redis.opsForValue().get("auth:otp-attempts:" + userId);
        if (attempts == null || Integer.parseInt(attempts) < MAX_ATTEMPTS) {
            return Optional.empty();
        }
        Long ttl = redis.getExpire("auth:otp-attempts:" + userId);
        return Optional.of(ttl == null || ttl < 1 ? 1 : ttl);
    }

    /** @return attempts left after this wrong one */
    public int recordWrongAttempt(UUID userId) {
        String key = "auth:otp-attempts:" + userId;
        Long attempts = redis.opsForValue().increment(key);
        if (attempts != null && attempts == 1) {
            redis.expire(key, ATTEMPT_WINDOW);
        }
        return (int) Math.max(0, MAX_ATTEMPTS - (attempts == null ? 0 : attempts));
    }

    public void clear(UUID userId) {
        redis.delete(java.util.List.of("auth:otp:" + userId, "auth:otp-attempts:" + userId, "auth:otp-cooldown:" + userId));
    }
}
