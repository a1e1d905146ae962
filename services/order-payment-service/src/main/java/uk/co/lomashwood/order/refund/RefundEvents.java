package uk.co.lomashwood.order.refund;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.order.order.OrderEvents;
import uk.co.lomashwood.order.order.OrderStore;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** {@code order.payment.refund_issued} and {@code order.payment.refund_failed} with the fields of spec 20 §2.5. */
@Component
class RefundEvents {

    record RefundIssued(UUID refundId, UUID orderId, String orderNumber, UUID paymentId, UUID userId, String stripeRefundId,
                        Money amount, String currency, String refundType, String reason, Money originalAmount,
                        Money remainingAmount, String initiator, String initiatedBy, UUID creditNoteId, Instant settledAt,
                        Map<String, Object> customer) {
    }

    record RefundFailed(UUID refundId, UUID orderId, String orderNumber, Money amount, String currency,
                        String failureReason) {
    }

    private final OutboxPublisher outbox;
    private final OrderStore orders;

    RefundEvents(OutboxPublisher outbox, OrderStore orders) {
        this.outbox = outbox;
        this.orders = orders;
    }

    void issued(Refund refund, OrderFunds after, UUID creditNoteId, Instant settledAt) {
        outbox.publish("order.payment.refund_issued", refund.orderId().toString(), new RefundIssued(refund.id(),
                refund.orderId(), after.orderNumber(), refund.paymentId(), after.userId(), refund.stripeRefundId(),
                Money.ofPence(refund.amount()), refund.currency(), refund.type(), refund.reason(),
                Money.ofPence(after.amountPaid()), Money.ofPence(after.remaining()), refund.initiator(),
                refund.requestedBy(), creditNoteId, settledAt, orders.find(refund.orderId())
                .map(o -> OrderEvents.customer(o.customerName(), o.customerEmail(), o.customerPhone())).orElse(null)));
    }

    void failed(Refund refund, String orderNumber, String failureReason) {
        outbox.publish("order.payment.refund_failed", refund.orderId().toString(), new RefundFailed(refund.id(),
                refund.orderId(), orderNumber, Money.ofPence(refund.amount()), refund.currency(), failureReason));
    }
}
