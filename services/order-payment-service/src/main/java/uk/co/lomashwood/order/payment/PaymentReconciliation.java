package uk.co.lomashwood.order.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.co.lomashwood.order.refund.RefundSettlement;
import uk.co.lomashwood.order.stripe.PaymentGateway;

/**
 * reconcile-payments (spec 20 §2.6): attempts still PENDING, REQUIRES_ACTION or PROCESSING that nobody touched for
 * 30 minutes (looking back 24 hours, batches of 50) are fetched from the provider and any missed transition is
 * applied through the webhook's own handler; refunds stuck in PROCESSING for 30 minutes are re-read and settled.
 * One failing item never stops the batch.
 */
@Component
public class PaymentReconciliation {

    static final Duration STALE = Duration.ofMinutes(30);
    static final Duration LOOK_BACK = Duration.ofHours(24);
    static final int BATCH = 50;
    static final int WINDOW_LIMIT = 500;
    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final PaymentStore payments;
    private final PaymentSync sync;
    private final PaymentGateway gateway;
    private final RefundSettlement refundSettlement;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    public PaymentReconciliation(PaymentStore payments, PaymentSync sync, PaymentGateway gateway,
                                 RefundSettlement refundSettlement, TransactionTemplate transactions, JdbcClient jdbc,
                                 Clock clock) {
        this.payments = payments;
        this.sync = sync;
        this.gateway = gateway;
        this.refundSettlement = refundSettlement;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Result(int attemptsChecked, int refundsChecked, int failures) {
    }

    /** The hourly run: attempts untouched for 30 minutes from the last 24 hours, 50 at most. */
    public Result run() {
        Instant now = clock.instant();
        return run(now.minus(STALE), now.minus(LOOK_BACK), now, BATCH);
    }

    /** {@code POST /v1/payments/reconcile}: every open attempt created in the window (up to 500), however recent. */
    public Result run(Instant from, Instant to) {
        return run(clock.instant(), from, to, WINDOW_LIMIT);
    }

    private Result run(Instant staleBefore, Instant from, Instant to, int limit) {
        Instant now = clock.instant();
        int failures = 0;
        List<PaymentRow> stale = payments.staleOpen(staleBefore, from, to, limit);
        for (PaymentRow attempt : stale) {
            try {
                sync.sync(attempt.stripePaymentIntentId(), attempt.orderId());
                payments.touch(attempt.id());
            } catch (RuntimeException e) {
                failures++;
                log.warn("reconciliation of attempt {} failed: {}", attempt.id(), e.getMessage());
            }
        }
        List<String> refunds = jdbc.sql("""
                        SELECT stripe_refund_id FROM refunds WHERE status = 'PROCESSING' AND stripe_refund_id IS NOT NULL
                          AND updated_at < ? ORDER BY updated_at LIMIT ?""")
                .params(Timestamp.from(now.minus(STALE)), BATCH).query(String.class).list();
        for (String refundId : refunds) {
            try {
                PaymentGateway.Refund refund = gateway.retrieveRefund(refundId);
                transactions.executeWithoutResult(status -> refundSettlement.apply(refund, null));
            } catch (RuntimeException e) {
                failures++;
                log.warn("reconciliation of refund {} failed: {}", refundId, e.getMessage());
            }
        }
        if (!stale.isEmpty() || !refunds.isEmpty()) {
            log.info("reconcile-payments checked {} attempts and {} refunds ({} failures)", stale.size(), refunds.size(),
                    failures);
        }
        return new Result(stale.size(), refunds.size(), failures);
    }
}
