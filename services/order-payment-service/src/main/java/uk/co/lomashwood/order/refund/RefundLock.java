package uk.co.lomashwood.order.refund;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.events.lock.RedisLocks;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code order:lock:refund-create:{orderId}} (30 s; spec 20 §2.7): one refund operation per order at a time, across
 * instances. It spans the Stripe call, which the order row lock cannot; when Redis is down the row lock and the
 * remaining-amount check still decide.
 */
@Component
class RefundLock {

    private static final Logger log = LoggerFactory.getLogger(RefundLock.class);
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RedisLocks locks;

    RefundLock(RedisLocks locks) {
        this.locks = locks;
    }

    <T> T around(UUID orderId, Supplier<T> work) {
        Optional<RedisLocks.Held> held;
        try {
            held = locks.lock("order:lock:refund-create:" + orderId, TTL, WAIT);
        } catch (DataAccessException e) {
            log.warn("refund lock unavailable, relying on the order row lock: {}", e.getMessage());
            return work.get();
        }
        if (held.isEmpty()) {
            throw new ApiException(ErrorCode.CONFLICT, "Another refund of this order is being processed; try again shortly.")
                    .retryAfter(Duration.ofSeconds(1));
        }
        try (RedisLocks.Held lock = held.get()) {
            return work.get();
        }
    }

    void runJob(String key, Duration ttl, Runnable work) {
        locks.runExclusively(key, ttl, work);
    }
}
