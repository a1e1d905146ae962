package uk.co.lomashwood.appointment.slot;

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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The Redis race guard of spec 30 §1.4.4: {@code appointment:lock:slot:{slotId}}, SET NX with a 30 s TTL, three retries
 * 200 ms apart, released by compare-and-delete. It only reduces contention: when Redis is down the database row lock
 * and constraints decide alone.
 */
@Component
public class SlotLocks {

    private static final Logger log = LoggerFactory.getLogger(SlotLocks.class);
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final int RETRIES = 3;
    private static final long BACKOFF_MS = 200;
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", Long.class);

    private final StringRedisTemplate redis;

    public SlotLocks(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * @param stillFree a cheap unlocked read of the slot; while another request holds the lock, a slot already taken
     *                  answers 409 at once instead of after the retries
     */
    public <T> T withLock(UUID slotId, BooleanSupplier stillFree, Supplier<T> work) {
        if (!stillFree.getAsBoolean()) {
            throw taken();
        }
        String key = "appointment:lock:slot:" + slotId;
        String owner = UUID.randomUUID().toString();
        boolean held = acquire(key, owner, stillFree);
        try {
            return work.get();
        } finally {
            if (held) {
                release(key, owner);
            }
        }
    }

    /** True when we hold the lock, false when Redis is unavailable; 409 when another request keeps it. */
    private boolean acquire(String key, String owner, BooleanSupplier stillFree) {
        try {
            for (int attempt = 0; attempt <= RETRIES; attempt++) {
                if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, owner, TTL))) {
                    return true;
                }
                if (attempt < RETRIES) {
                    Thread.sleep(BACKOFF_MS);
                    if (!stillFree.getAsBoolean()) {
                        break;
                    }
                }
            }
        } catch (DataAccessException e) {
            log.warn("slot lock unavailable, relying on database locks: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw taken();
    }

    private static ApiException taken() {
        return new ApiException(ErrorCode.SLOT_UNAVAILABLE, "This time has just been taken; please pick another.");
    }

    private void release(String key, String owner) {
        try {
            redis.execute(RELEASE, List.of(key), owner);
        } catch (DataAccessException e) {
            log.warn("slot lock release failed; it expires in {}: {}", TTL, e.getMessage());
        }
    }
}
