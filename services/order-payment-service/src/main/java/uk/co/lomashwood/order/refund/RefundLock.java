package uk.co.lomashwood.order.refund;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code order:lock:refund-create:{orderId}} (30 s, SET NX, compare-and-delete release; spec 20 §2.7): one refund
 * operation per order at a time, across instances. It spans the Stripe call, which the order row lock cannot; when
 * Redis is down the row lock and the remaining-amount check still decide.
 */
@Component
class RefundLock {

    private static final Logger log = LoggerFactory.getLogger(RefundLock.class);
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 25;
    private static final long BACKOFF_MS = 200;
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", Long.class);

    private final StringRedisTemplate redis;

    RefundLock(StringRedisTemplate redis) {
        this.redis = redis;
    }

    <T> T around(UUID orderId, Supplier<T> work) {
        String key = "order:lock:refund-create:" + orderId;
        String owner = UUID.randomUUID().toString();
        boolean held = acquire(key, owner);
        try {
            return work.get();
        } finally {
            if (held) {
                release(key, owner);
            }
        }
    }

    /** Runs {@code work} under {@code order:lock:job:{name}} unless another instance holds it (then skips). */
    void runJob(String name, Duration ttl, Runnable work) {
        String key = "order:lock:job:" + name;
        String owner = UUID.randomUUID().toString();
        try {
            if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, owner, ttl))) {
                return;
            }
        } catch (DataAccessException e) {
            log.warn("job {} skipped, Redis unavailable: {}", name, e.getMessage());
            return;
        }
        try {
            work.run();
        } finally {
            release(key, owner);
        }
    }

    private boolean acquire(String key, String owner) {
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, owner, TTL))) {
                    return true;
                }
                Thread.sleep(BACKOFF_MS);
            }
        } catch (DataAccessException e) {
            log.warn("refund lock unavailable, relying on the order row lock: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ApiException(ErrorCode.CONFLICT, "Another refund of this order is being processed; try again shortly.")
                .retryAfter(Duration.ofSeconds(1));
    }

    private void release(String key, String owner) {
        try {
            redis.execute(RELEASE, List.of(key), owner);
        } catch (DataAccessException e) {
            log.warn("refund lock release failed; it expires in {}: {}", TTL, e.getMessage());
        }
    }
}
