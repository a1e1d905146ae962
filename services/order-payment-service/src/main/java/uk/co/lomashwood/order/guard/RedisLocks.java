package uk.co.lomashwood.order.guard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Redis locks of spec 20 §2.7 ({@code order:lock:order-checkout:{userId}}, {@code order:lock:payment-intent:{orderId}},
 * {@code order:lock:refund-create:{orderId}}, {@code order:lock:job:{name}}): {@code SET NX PX} with an owner token,
 * released only by the holder (compare-and-delete), expiring on their own if the holder dies.
 */
@Component
public class RedisLocks {

    private static final Logger log = LoggerFactory.getLogger(RedisLocks.class);
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    private final StringRedisTemplate redis;

    public RedisLocks(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The lock if it is free now; a Redis failure is thrown ({@code DataAccessException}). */
    public Optional<Held> tryLock(String key, Duration ttl) {
        String owner = UUID.randomUUID().toString();
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, owner, ttl))
                ? Optional.of(new Held(key, owner)) : Optional.empty();
    }

    /** Waits up to {@code wait} for the lock (polling), for short user-facing critical sections. */
    public Optional<Held> lock(String key, Duration ttl, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<Held> held = tryLock(key, ttl);
            if (held.isPresent() || System.nanoTime() > deadline) {
                return held;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * Runs a scheduled job under {@code order:lock:job:{name}}; skips the run when another instance holds the lock
     * or Redis cannot be asked (the next run catches up).
     */
    public boolean runJob(String name, Duration ttl, Runnable job) {
        Optional<Held> held;
        try {
            held = tryLock("order:lock:job:" + name, ttl);
        } catch (DataAccessException e) {
            log.warn("job {} skipped, Redis unavailable: {}", name, e.getMessage());
            return false;
        }
        if (held.isEmpty()) {
            return false;
        }
        try (Held lock = held.get()) {
            job.run();
        }
        return true;
    }

    public final class Held implements AutoCloseable {
        private final String key;
        private final String owner;

        private Held(String key, String owner) {
            this.key = key;
            this.owner = owner;
        }

        /** Releases the lock if it is still ours; if Redis cannot be reached it simply expires. */
        @Override
        public void close() {
            try {
                redis.execute(RELEASE, List.of(key), owner);
            } catch (DataAccessException e) {
                log.warn("lock {} not released, it expires on its own: {}", key, e.getMessage());
            }
        }
    }
}
