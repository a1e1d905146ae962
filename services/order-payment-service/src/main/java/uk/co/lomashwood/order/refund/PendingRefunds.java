package uk.co.lomashwood.order.refund;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.error.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * resubmit-pending-refunds (ours): a refund still PENDING without a Stripe id 5 minutes after it was created lost its
 * submission (the instance stopped between commit and the Stripe call). It is sent again under the order's refund
 * lock; the refund's own idempotency key makes a second send harmless if Stripe did receive the first.
 */
@Component
public class PendingRefunds {

    private static final Logger log = LoggerFactory.getLogger(PendingRefunds.class);
    static final Duration GRACE = Duration.ofMinutes(5);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final RefundLock lock;
    private final RefundSubmission submission;
    private final Clock clock;

    public PendingRefunds(JdbcClient jdbc, RefundLock lock, RefundSubmission submission, Clock clock) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.submission = submission;
        this.clock = clock;
    }

    /** One run under {@code order:lock:job:resubmit-pending-refunds}; returns how many refunds were sent again. */
    public int resubmit() {
        int[] sent = {0};
        lock.runJob("order:lock:job:resubmit-pending-refunds", Duration.ofSeconds(120), () -> sent[0] = resubmitDue());
        return sent[0];
    }

    private int resubmitDue() {
        record Due(UUID id, UUID orderId) {
        }
        List<Due> due = jdbc.sql("""
                        SELECT id, order_id FROM refunds WHERE status = 'PENDING' AND stripe_refund_id IS NULL AND created_at < ?
                         ORDER BY created_at LIMIT ?""")
                .params(clock.instant().minus(GRACE).atOffset(ZoneOffset.UTC), BATCH)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class))).list();
        int sent = 0;
        for (Due refund : due) {
            try {
                lock.around(refund.orderId(), () -> {
                    submission.submitQuietly(refund.id());
                    return null;
                });
                sent++;
            } catch (ApiException busy) {
                log.info("refund {} is being handled elsewhere; next run", refund.id());
            }
        }
        return sent;
    }
}
