package uk.co.lomashwood.appointment.slot;

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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The Redis race guard of spec 30 §1.4.4: {@code appointment:lock:slot:{slotId}}, a platform {@link RedisLocks} lock
 * (SET NX) with a 30 s TTL, three retries 200 ms apart. It only reduces contention: when Redis is down the database
 * row lock and constraints decide alone.
 */
@Component
public class SlotLocks {

    private static final Logger log = LoggerFactory.getLogger(SlotLocks.class);
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final int RETRIES = 3;
    private static final long BACKOFF_MS = 200;

    private final RedisLocks locks;

    public SlotLocks(RedisLocks locks) {
        this.locks = locks;
    }

    /**
     * @param stillFree a cheap unlocked read of the slot; while another request holds the lock, a slot already taken
     *                  answers 409 at once instead of after the retries
     */
    public <T> T withLock(UUID slotId, BooleanSupplier stillFree, Supplier<T> work) {
        if (!stillFree.getAsBoolean()) {
            throw taken();
        }
        Optional<RedisLocks.Held> held = acquire("appointment:lock:slot:" + slotId, stillFree);
        try {
            return work.get();
        } finally {
            held.ifPresent(RedisLocks.Held::close);
        }
    }

    /** The lock, or empty when Redis is unavailable; 409 when another request keeps it. */
    private Optional<RedisLocks.Held> acquire(String key, BooleanSupplier stillFree) {
        try {
            for (int attempt = 0; attempt <= RETRIES; attempt++) {
                Optional<RedisLocks.Held> held = locks.tryLock(key, TTL);
                if (held.isPresent()) {
                    return held;
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
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw taken();
    }

    private static ApiException taken() {
        return new ApiException(ErrorCode.SLOT_UNAVAILABLE, "This time has just been taken; please pick another.");
    }
}
