package uk.co.lomashwood.order.guard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Counts a user's calls of one {@link RateLimit} in a fixed window ({@code order:ratelimit:{action}:{userId}:{window}})
 * and answers 429 {@code RATE_LIMIT_EXCEEDED} with {@code Retry-After} beyond it. Replays of an Idempotency-Key never
 * get here. Limits are multiplied by {@code RATE_LIMIT_MULTIPLIER} (the gateway's knob, 1 by default). When Redis
 * cannot answer the call is let through: the gateway's budgets still apply.
 */
@Component
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final int multiplier;

    public RateLimits(StringRedisTemplate redis, Clock clock, @Value("${RATE_LIMIT_MULTIPLIER:1}") int multiplier) {
        this.redis = redis;
        this.clock = clock;
        this.multiplier = Math.max(1, multiplier);
    }

    public void check(RateLimit limit, UUID userId) {
        long windowSeconds = limit.window.toSeconds();
        long second = clock.instant().getEpochSecond();
        String key = "order:ratelimit:" + limit.action + ":" + userId + ":" + second / windowSeconds;
        Long count;
        try {
            count = redis.opsForValue().increment(key);
            if (count != null && count == 1) {
                redis.expire(key, limit.window.plusSeconds(10));
            }
        } catch (DataAccessException e) {
            log.warn("rate limit {} not checked, Redis unavailable: {}", limit.action, e.getMessage());
            return;
        }
        if (count != null && count > (long) limit.allowed * multiplier) {
            throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests of this kind; try again later.")
                    .retryAfter(Duration.ofSeconds(windowSeconds - second % windowSeconds));
        }
    }
}
