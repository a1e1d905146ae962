package uk.co.lomashwood.order.invoice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Duration;
import java.util.UUID;

/**
 * The service's own per-user backstops of spec 20 §2.7 (refund create 5 / minute per admin, invoice send 10 /
 * minute): a one-minute window counted in Redis {@code order:ratelimit:{action}:{userId}}; over it → 429
 * {@code RATE_LIMIT_EXCEEDED} with {@code Retry-After}. Without Redis the gateway's limits still apply.
 */
@Component
public class ActionRateLimits {

    private static final Logger log = LoggerFactory.getLogger(ActionRateLimits.class);
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final StringRedisTemplate redis;

    public ActionRateLimits(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void check(String action, UUID userId, int perMinute) {
        String key = "order:ratelimit:" + action + ":" + userId;
        long count;
        long ttlSeconds;
        try {
            Long current = redis.opsForValue().increment(key);
            count = current == null ? 0 : current;
            if (count == 1) {
                redis.expire(key, WINDOW);
            }
            Long ttl = redis.getExpire(key);
            ttlSeconds = ttl == null || ttl < 1 ? WINDOW.toSeconds() : ttl;
        } catch (DataAccessException e) {
            log.warn("rate limit {} not checked, Redis unavailable: {}", action, e.getMessage());
            return;
        }
        if (count > perMinute) {
            throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests; try again in a minute.")
                    .retryAfter(Duration.ofSeconds(ttlSeconds));
        }
    }
}
