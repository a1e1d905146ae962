package uk.co.lomashwood.order.refund;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.money.Money;

import java.time.Clock;
import java.util.UUID;

/** Cancel a refund not yet sent to Stripe; retry a failed one (at most 3 times, each with its own Stripe key). */
@Service
public class RefundActions {

    static final int MAX_RETRIES = 3;

    private final RefundLock lock;
    private final Refunds refunds;
    private final RefundableOrders orders;
    private final RefundSubmission submission;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RefundActions(RefundLock lock, Refunds refunds, RefundableOrders orders, RefundSubmission submission,
                         PlatformTransactionManager transactions, Clock clock) {
        this.lock = lock;
        this.refunds = refunds;
        this.orders = orders;
        this.submission = submission;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    Refund cancel(UUID refundId, UUID adminId) {
        Refund refund = refunds.find(refundId).orElseThrow(RefundActions::notFound);
        return lock.around(refund.orderId(), () -> transaction.execute(status -> {
            orders.lock(refund.orderId());
            Refund current = refunds.lock(refundId).orElseThrow(RefundActions::notFound);
            if (current.status() != RefundStatus.PENDING) {
                throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                        "Only a PENDING refund can be cancelled; this one is " + current.status() + ".");
            }
            refunds.cancel(refundId, adminId, clock.instant());
            return refunds.find(refundId).orElseThrow();
        }));
    }

    Refund retry(UUID refundId, UUID adminId) {
        Refund refund = refunds.find(refundId).orElseThrow(RefundActions::notFound);
        return lock.around(refund.orderId(), () -> {
            transaction.executeWithoutResult(status -> {
                OrderFunds funds = orders.lock(refund.orderId()).orElseThrow();
                Refund current = refunds.lock(refundId).orElseThrow(RefundActions::notFound);
                if (current.status() != RefundStatus.FAILED) {
                    throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                            "Only a FAILED refund can be retried; this one is " + current.status() + ".");
                }
                if (current.retryCount() >= MAX_RETRIES) {
                    throw new ApiException(ErrorCode.REFUND_RETRY_LIMIT_REACHED, "This refund has been retried 3 times.");
                }
                if (current.amount() > funds.remaining()) {
                    throw new ApiException(ErrorCode.REFUND_EXCEEDS_PAYMENT, "Only " + Money.ofPence(funds.remaining())
                            + " can still be refunded on this order.");
                }
                refunds.retried(refundId, adminId, clock.instant());
            });
            return submission.submit(refundId);
        });
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.REFUND_NOT_FOUND, "No such refund.");
    }
}
