package uk.co.lomashwood.order.refund;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.order.stripe.PaymentGatewayException;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.util.UUID;

/**
 * Sends a PENDING refund to Stripe ({@code refunds.create} with idempotency key {@code refund:{refundId}}) outside
 * any database transaction, then records the answer through {@link RefundSettlementService} in a fresh one. A refusal
 * leaves the refund FAILED with {@code order.payment.refund_failed}; so does an unreachable provider (a retry reuses
 * the same key, so nothing is refunded twice).
 */
@Component
class RefundSubmission {

    private static final Logger log = LoggerFactory.getLogger(RefundSubmission.class);

    private final Refunds refunds;
    private final RefundableOrders orders;
    private final PaymentGateway gateway;
    private final RefundSettlementService settlement;
    private final RefundEvents events;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    RefundSubmission(Refunds refunds, RefundableOrders orders, PaymentGateway gateway, RefundSettlementService settlement,
                     RefundEvents events, PlatformTransactionManager transactions, Clock clock) {
        this.refunds = refunds;
        this.orders = orders;
        this.gateway = gateway;
        this.settlement = settlement;
        this.events = events;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** For a caller waiting on the answer: 422 REFUND_FAILED when Stripe refuses, 502 when it cannot be reached. */
    Refund submit(UUID refundId) {
        Refund refund = refunds.find(refundId).orElseThrow();
        OrderFunds funds = orders.read(refund.orderId()).orElseThrow();
        PaymentGateway.Refund answer;
        try {
            answer = gateway.createRefund(new PaymentGateway.CreateRefund(funds.paymentIntentId(), refund.amount(),
                    RefundReason.valueOf(refund.reason()).stripeReason(), RefundSettlementService.metadata(refund),
                    refund.stripeIdempotencyKey()));
        } catch (PaymentGatewayException e) {
            String reason = e.rejected() ? "Refused by the payment provider: " + e.getMessage()
                    : "The payment provider could not be reached";
            log.warn("refund {} of order {} failed at the provider: {}", refundId, funds.orderNumber(), e.getMessage());
            newTransaction.executeWithoutResult(status -> fail(refundId, reason));
            throw e.rejected()
                    ? new ApiException(ErrorCode.REFUND_FAILED, "The payment provider refused the refund.").with("refundId", refundId)
                    : new ApiException(ErrorCode.PAYMENT_GATEWAY_ERROR, "The payment provider could not be reached; retry the refund.")
                    .with("refundId", refundId);
        }
        newTransaction.executeWithoutResult(status -> {
            refunds.replaceStripeId(refundId, answer.id());
            settlement.apply(answer, null);
        });
        Refund after = refunds.find(refundId).orElseThrow();
        if (after.status() == RefundStatus.FAILED) {
            throw new ApiException(ErrorCode.REFUND_FAILED, "The payment provider refused the refund: " + after.failureReason())
                    .with("refundId", refundId);
        }
        return after;
    }

    /** For SYSTEM refunds started after a commit: failures are recorded and alerted, never thrown. */
    void submitQuietly(UUID refundId) {
        try {
            submit(refundId);
        } catch (ApiException e) {
            log.warn("system refund {} did not go through: {}", refundId, e.detail());
        } catch (RuntimeException e) {
            log.error("system refund {} could not be submitted; it stays PENDING", refundId, e);
        }
    }

    private void fail(UUID refundId, String reason) {
        Refund refund = refunds.find(refundId).orElseThrow();
        OrderFunds funds = orders.lock(refund.orderId()).orElseThrow();
        refund = refunds.lock(refundId).orElseThrow();
        if (refund.status() != RefundStatus.PENDING) {
            return;
        }
        refunds.moveTo(refundId, RefundStatus.FAILED, clock.instant(), reason);
        events.failed(refund, funds.orderNumber(), reason);
    }
}
