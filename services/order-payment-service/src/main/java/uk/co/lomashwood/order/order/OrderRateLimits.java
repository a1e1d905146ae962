package uk.co.lomashwood.order.order;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Service-level limits of spec 20 §2.7 per user and clock hour: placing orders (default 10) and cancelling them
 * (default 5), in Redis ({@code order:ratelimit:{action}:{userId}:{hour}}). Replays of an Idempotency-Key never get
 * here. Both are multiplied by {@code RATE_LIMIT_MULTIPLIER} (default 1), the gateway's knob for load tests. If Redis
 * cannot answer, the request is let through (the gateway's budgets still apply).
 */
@Component
public class OrderRateLimits {

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final int createPerHour;
    private final int cancelPerHour;

    public OrderRateLimits(StringRedisTemplate redis, Clock clock,
                           @Value("${lomash.order.rate-limits.create-per-hour:10}") int createPerHour,
                           @Value("${lomash.order.rate-limits.cancel-per-hour:5}") int cancelPerHour,
                           @Value("${RATE_LIMIT_MULTIPLIER:1}") int multiplier) {
        this.redis = redis;
        this.clock = clock;
        this.createPerHour = createPerHour * Math.max(1, multiplier);
        this.cancelPerHour = cancelPerHour * Math.max(1, multiplier);
    }

    public void create(UUID userId) {
        check("create-order", userId, createPerHour);
    }

    public void cancel(UUID userId) {
        check("cancel-order", userId, cancelPerHour);
    }

    private void check(String action, UUID userId, int perHour) {
        long second = clock.instant().getEpochSecond();
        String key = "order:ratelimit:" + action + ":" + userId + ":" + second / 3600;
        Long count;
        try {
            count = redis.opsForValue().increment(key);
            if (count != null && count == 1) {
                redis.expire(key, Duration.ofSeconds(3700));
            }
        } catch (RuntimeException e) {
            return;
        }
        if (count != null && count > perHour) {
            throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests of this kind; try again later.")
                    .retryAfter(Duration.ofSeconds(3600 - second % 3600));
        }
    }
}
