package uk.co.lomashwood.order.payment;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * Redis locks of spec 20 §2.7 ({@code order:lock:payment-intent:{orderId}}, {@code order:lock:job:{name}}):
 * {@code SET NX PX} with an owner token, released only by the holder.
 */
@Component
public class RedisLocks {

    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    private final StringRedisTemplate redis;

    public RedisLocks(StringRedisTemplate redis) {
        this.redis = redis;
    }

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

    /** Runs a scheduled job under {@code order:lock:job:{name}}; skips the run when another instance holds it. */
    public boolean runJob(String name, Duration ttl, Runnable job) {
        Optional<Held> held = tryLock("order:lock:job:" + name, ttl);
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

        @Override
        public void close() {
            redis.execute(RELEASE, java.util.List.of(key), owner);
        }
    }
}
