package uk.co.lomashwood.auth.password;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.user.Accounts;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Duration;
import java.util.UUID;

/**
 * Confirms a user's current password for another service (customer-service before self-service erasure,
 * spec 10 §2.4): at most 5 attempts per user in 15 minutes ({@code auth:ratelimit:verify-password:{userId}}).
 */
@Component
public class PasswordConfirmation {

    static final int MAX_ATTEMPTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final StringRedisTemplate redis;

    public PasswordConfirmation(Accounts accounts, PasswordHasher hasher, StringRedisTemplate redis) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.redis = redis;
    }

    /** @throws ApiException 404 USER_NOT_FOUND, 429 after the fifth attempt in the window */
    public boolean confirm(UUID userId, String password) {
        User user = accounts.get(userId);
        String key = "auth:ratelimit:verify-password:" + userId;
        Long attempts = redis.opsForValue().increment(key);
        if (attempts != null && attempts == 1) {
            redis.expire(key, WINDOW);
        }
        if (attempts != null && attempts > MAX_ATTEMPTS) {
            Long ttl = redis.getExpire(key);
            throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many attempts; try again later.")
                    .retryAfter(Duration.ofSeconds(ttl == null || ttl < 1 ? 1 : ttl));
        }
        return hasher.matches(password, user.passwordHash());
    }
}
