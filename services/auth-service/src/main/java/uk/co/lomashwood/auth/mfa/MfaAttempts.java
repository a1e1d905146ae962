package uk.co.lomashwood.auth.mfa;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.token.MfaChallenge;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Duration;
import java.util.UUID;

/**
 * MFA attempt limits (spec 10 §2.5.7, §2.8): 3 wrong codes void an {@code mfaToken}
 * ({@code auth:mfa:{jti}}), a token works once ({@code auth:mfa-used:{jti}}), and 3 failures within
 * 15 minutes block the user's MFA for 30 minutes ({@code auth:mfa-fail:/auth:mfa-block:{userId}}).
 */
@Component
public class MfaAttempts {

    static final int PER_TOKEN = 3;
    static final int PER_USER = 3;
    static final Duration TOKEN_TTL = Duration.ofSeconds(MfaChallenge.LIFETIME_SECONDS);
    static final Duration USER_WINDOW = Duration.ofMinutes(15);
    static final Duration BLOCK = Duration.ofMinutes(30);

    private final StringRedisTemplate redis;

    public MfaAttempts(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** @throws ApiException 401 MFA_TOKEN_EXPIRED when used or voided; 429 when the user is blocked */
    public void assertUsable(MfaChallenge challenge) {
        if (Boolean.TRUE.equals(redis.hasKey("auth:mfa-used:" + challenge.jti())) || attempts(challenge.jti()) >= PER_TOKEN) {
            throw expired();
        }
        Long blockedFor = redis.getExpire("auth:mfa-block:" + challenge.userId());
        if (blockedFor != null && blockedFor > 0) {
            throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many wrong codes; try again later.")
                    .retryAfter(Duration.ofSeconds(blockedFor));
        }
    }

    public void recordFailure(MfaChallenge challenge) {
        String tokenKey = "auth:mfa:" + challenge.jti();
        redis.opsForValue().increment(tokenKey);
        redis.expire(tokenKey, TOKEN_TTL);
        String userKey = "auth:mfa-fail:" + challenge.userId();
        Long failures = redis.opsForValue().increment(userKey);
        if (failures != null && failures == 1) {
            redis.expire(userKey, USER_WINDOW);
        }
        if (failures != null && failures >= PER_USER) {
            redis.opsForValue().set("auth:mfa-block:" + challenge.userId(), "1", BLOCK);
            redis.delete(userKey);
        }
    }

    public void recordSuccess(MfaChallenge challenge) {
        redis.opsForValue().set("auth:mfa-used:" + challenge.jti(), "1", TOKEN_TTL);
        redis.delete("auth:mfa-fail:" + challenge.userId());
    }

    static ApiException expired() {
        return new ApiException(ErrorCode.MFA_TOKEN_EXPIRED, "The sign-in challenge has expired; please sign in again.");
    }

    private int attempts(UUID jti) {
        String value = redis.opsForValue().get("auth:mfa:" + jti);
        return value == null ? 0 : Integer.parseInt(value);
    }
}
