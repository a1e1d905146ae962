package uk.co.lomashwood.order.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

/**
 * Service-level limits of spec 20 §2.7 (create-intent and confirm: 10 per minute per user), a fixed one-minute
 * window in Redis ({@code order:ratelimit:{action}:{userId}:{minute}}); inside the gateway's payments budget.
 * If Redis cannot answer, the request is let through.
 */
@Component
public class PaymentRateLimits {

    static final int PER_MINUTE = 10;

    private final StringRedisTemplate redis;
    private final Clock clock;

    public PaymentRateLimits(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public void check(String action, UUID userId) {
        long second = clock.instant().getEpochSecond();
        String key = "order:ratelimit:" + action + ":" + userId + ":" + second / 60;
        Long count;
        try {
            count = redis.opsForValue().increment(key);
            if (count != null && count == 1) {
                redis.expire(key, Duration.ofSeconds(70));
            }
        } catch (RuntimeException e) {
            return;
        }
        if (count != null && count > PER_MINUTE) {
            throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many payment requests; try again shortly.")
                    .retryAfter(Duration.ofSeconds(60 - second % 60));
        }
    }
}
