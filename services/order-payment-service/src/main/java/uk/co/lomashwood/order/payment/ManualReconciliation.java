package uk.co.lomashwood.order.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.events.lock.RedisLocks;

/**
 * {@code POST /v1/payments/reconcile} (SUPER_ADMIN, spec 20 §2.3): the reconciliation of §2.6 over a window of at
 * most 31 days, run in the background under the job's own lock so it never overlaps the hourly run.
 */
@Service
public class ManualReconciliation {

    static final Duration MAX_WINDOW = Duration.ofDays(31);
    private static final Logger log = LoggerFactory.getLogger(ManualReconciliation.class);

    private final PaymentReconciliation reconciliation;
    private final RedisLocks locks;

    public ManualReconciliation(PaymentReconciliation reconciliation, RedisLocks locks) {
        this.reconciliation = reconciliation;
        this.locks = locks;
    }

    public Map<String, Object> start(Instant from, Instant to) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new ValidationException(List.of(new FieldViolation("toDate",
                    "must be after fromDate and at most 31 days later")));
        }
        RedisLocks.Held lock = locks.tryLock("order:lock:job:reconcile-payments", Duration.ofSeconds(300))
                .orElseThrow(() -> new ApiException(ErrorCode.CONFLICT, "A reconciliation is already running.")
                        .retryAfter(Duration.ofSeconds(60)));
        UUID id = UUID.randomUUID();
        Thread.ofVirtual().name("reconcile-" + id).start(() -> {
            try (lock) {
                PaymentReconciliation.Result result = reconciliation.run(from, to);
                log.info("manual reconciliation {} over {}..{}: {}", id, from, to, result);
            } catch (RuntimeException e) {
                log.warn("manual reconciliation {} failed: {}", id, e.toString());
            }
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("status", "RUNNING");
        return data;
    }
}
