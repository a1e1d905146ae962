package uk.co.lomashwood.order.payment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import uk.co.lomashwood.order.order.OrderPaymentStatus;
import uk.co.lomashwood.order.order.OrderStatus;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

/** The payment topics of spec 00 §4.7 / spec 20 §2.5, written to the outbox inside the state change. */
@Component
public class PaymentEvents {

    private final OutboxPublisher outbox;
    private final OrderLedger orders;
    private final JsonMapper json;

    public PaymentEvents(OutboxPublisher outbox, OrderLedger orders, JsonMapper json) {
        this.outbox = outbox;
        this.orders = orders;
        this.json = json;
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
        outbox.publish("order.payment.succeeded", order.id().toString(), data);
    }

    /** {@code order.created}'s fields as they are now, plus confirmedAt, paymentId, customer and shippingAddress. */
    public void orderConfirmed(OrderRow order, UUID paymentId, Instant confirmedAt) {
        List<OrderLedger.Line> lines = orders.lines(order.id());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id());
        data.put("orderNumber", order.orderNumber());
        data.put("userId", order.userId());
        data.put("status", OrderStatus.CONFIRMED.name());
        data.put("paymentStatus", OrderPaymentStatus.PAID.name());
        data.put("items", lines.stream().map(line -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("productId", line.productId());
            item.put("variantId", line.variantId());
            item.put("colourId", line.colourId());
            item.put("quantity", line.quantity());
            item.put("unitPrice", Money.ofPence(line.unitPrice()));
            item.put("category", line.category());
            return item;
        }).toList());
        data.put("itemCount", lines.stream().mapToInt(OrderLedger.Line::quantity).sum());
        data.put("subtotal", Money.ofPence(order.subtotal()));
        data.put("discountAmount", Money.ofPence(order.discountAmount()));
        data.put("loyaltyPointsRedeemed", order.loyaltyPointsRedeemed());
        data.put("shippingAmount", Money.ofPence(order.shippingAmount()));
        data.put("taxAmount", Money.ofPence(order.taxAmount()));
        data.put("totalAmount", Money.ofPence(order.totalAmount()));
        data.put("currency", Money.CURRENCY);
        data.put("couponCode", order.couponCode());
        data.put("appointmentId", order.appointmentId());
        data.put("source", order.source());
        data.put("includesKitchen", lines.stream().anyMatch(l -> "KITCHEN".equals(l.category())));
        data.put("includesBedroom", lines.stream().anyMatch(l -> "BEDROOM".equals(l.category())));
        data.put("expiresAt", order.expiresAt());
        data.put("confirmedAt", confirmedAt);
        data.put("paymentId", paymentId);
        data.put("customer", customer(order));
        data.put("shippingAddress", order.shippingAddress() == null ? null : json.readTree(order.shippingAddress()));
        outbox.publish("order.confirmed", order.id().toString(), data);
    }

    public void paymentFailed(OrderRow order, PaymentRow payment, String failureCode, String failureMessage,
                              boolean canRetry) {
        Map<String, Object> data = attempt(order, payment);
        data.put("failureCode", failureCode);
        data.put("failureMessage", failureMessage);
        data.put("attemptNo", payment.attemptNo());
        data.put("canRetry", canRetry);
        data.put("expiresAt", order.expiresAt());
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

    private static Map<String, Object> customer(OrderRow order) {
        String name = order.customerName() == null ? "" : order.customerName().trim();
        int space = name.indexOf(' ');
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("email", order.customerEmail());
        customer.put("firstName", space < 0 ? name : name.substring(0, space));
        customer.put("lastName", space < 0 ? null : name.substring(space + 1).trim());
        customer.put("phone", order.customerPhone());
        return customer;
    }
}
