package uk.co.lomashwood.order.payment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import uk.co.lomashwood.order.order.OrderEvents;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

/** The payment topics of spec 00 §4.7 / spec 20 §2.5, written to the outbox inside the state change. */
@Component
public class PaymentEvents {

    private final OutboxPublisher outbox;

    public PaymentEvents(OutboxPublisher outbox) {
        this.outbox = outbox;
    }

    public void paymentSucceeded(OrderRow order, PaymentRow payment, UUID invoiceId, Instant paidAt) {
        Map<String, Object> data = attempt(order, payment);
        data.put("stripeChargeId", payment.stripeChargeId());
        data.put("amount", Money.ofPence(payment.amount()));
        data.put("currency", Money.CURRENCY);
        data.put("method", payment.method());
        data.put("cardBrand", payment.cardBrand());
        data.put("cardLast4", payment.cardLast4());
        data.put("receiptUrl", payment.receiptUrl());
        data.put("invoiceId", invoiceId);
        data.put("paidAt", paidAt);
        data.put("customer", OrderEvents.customer(order.customerName(), order.customerEmail(), order.customerPhone()));
        outbox.publish("order.payment.succeeded", order.id().toString(), data);
    }

    public void paymentFailed(OrderRow order, PaymentRow payment, String failureCode, String failureMessage,
                              boolean canRetry) {
        Map<String, Object> data = attempt(order, payment);
        data.put("failureCode", failureCode);
        data.put("failureMessage", failureMessage);
        data.put("attemptNo", payment.attemptNo());
        data.put("canRetry", canRetry);
        data.put("expiresAt", order.expiresAt());
        data.put("customer", OrderEvents.customer(order.customerName(), order.customerEmail(), order.customerPhone()));
        outbox.publish("order.payment.failed", order.id().toString(), data);
    }

    public void disputeOpened(OrderRow order, PaymentRow payment, String disputeId, long amount, String reason,
                              Instant evidenceDueBy) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id());
        data.put("orderNumber", order.orderNumber());
        data.put("paymentId", payment.id());
        data.put("disputeId", disputeId);
        data.put("amount", Money.ofPence(amount));
        data.put("currency", Money.CURRENCY);
        data.put("reason", reason);
        data.put("evidenceDueBy", evidenceDueBy);
        outbox.publish("order.payment.dispute_opened", order.id().toString(), data);
    }

    /** The fields every attempt event starts with. */
    private static Map<String, Object> attempt(OrderRow order, PaymentRow payment) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("paymentId", payment.id());
        data.put("orderId", order.id());
        data.put("orderNumber", order.orderNumber());
        data.put("userId", order.userId());
        data.put("stripePaymentIntentId", payment.stripePaymentIntentId());
        return data;
    }
}
