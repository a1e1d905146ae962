package uk.co.lomashwood.order.order;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.events.lock.RedisLocks;

import java.time.Duration;
import java.util.UUID;

/** {@code order:lock:order-checkout:{userId}} (60 s, spec 20 §2.4.2 b): one checkout at a time per customer. */
@Component
public class CheckoutLock {

    private final RedisLocks locks;

    public CheckoutLock(RedisLocks locks) {
        this.locks = locks;
    }

    /** The held lock (close to release); a second concurrent checkout is 409 with Retry-After. */
    public RedisLocks.Held checkout(UUID userId) {
        return locks.tryLock("order:lock:order-checkout:" + userId, Duration.ofSeconds(60))
                .orElseThrow(() -> new ApiException(ErrorCode.CONFLICT, "Another checkout for this account is in progress.")
                        .retryAfter(Duration.ofSeconds(1)));
    }
}
