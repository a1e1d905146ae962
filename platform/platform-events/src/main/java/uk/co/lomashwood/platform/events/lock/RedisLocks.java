package uk.co.lomashwood.platform.events.lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Cluster-wide locks in Redis: {@code SET key token NX PX ttl} with a random owner token, released only by the
 * holder (compare-and-delete in one Lua script), expiring on their own if the holder dies. Callers choose the key
 * ({@code {service}:lock:...}, spec 00 §5.4) and the TTL; Redis failures are thrown as {@link DataAccessException}
 * except where a method says otherwise.
 */
public class RedisLocks {

    private static final Logger log = LoggerFactory.getLogger(RedisLocks.class);
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);
    private static final Duration POLL = Duration.ofMillis(25);

    private final StringRedisTemplate redis;

    public RedisLocks(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The lock if it is free now, empty if someone else holds it. */
    public Optional<Held> tryLock(String key, Duration ttl) {
        String token = UUID.randomUUID().toString();
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, token, ttl))
                ? Optional.of(new Held(key, token)) : Optional.empty();
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
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Deletes {@code key} only if it still holds {@code token}; true when it did. */
    public boolean release(String key, String token) {
        Long deleted = redis.execute(RELEASE, List.of(key), token);
        return deleted != null && deleted > 0;
    }

    /**
     * Runs a scheduled job under {@code key}: skipped (false) when another instance holds the lock or Redis cannot be
     * asked, since the next run catches up.
     */
    public boolean runExclusively(String key, Duration ttl, Runnable job) {
        Optional<Held> held;
        try {
            held = tryLock(key, ttl);
        } catch (DataAccessException e) {
            log.warn("job under {} skipped, Redis unavailable: {}", key, e.getMessage());
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

    /** A lock we hold; closing it releases it if it is still ours. */
    public final class Held implements AutoCloseable {
        private final String key;
        private final String token;

        private Held(String key, String token) {
            this.key = key;
            this.token = token;
        }

        public String key() {
            return key;
        }

        public String token() {
            return token;
        }

        /** Releases the lock if it is still ours; if Redis cannot be reached it simply expires. */
        @Override
        public void close() {
            try {
                release(key, token);
            } catch (DataAccessException e) {
                log.warn("lock {} not released, it expires on its own: {}", key, e.getMessage());
            }
        }
    }
}
