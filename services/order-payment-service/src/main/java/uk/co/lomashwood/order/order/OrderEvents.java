package uk.co.lomashwood.order.order;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The order.* lifecycle events of spec 20 §2.5 / platform §4.7, written to the outbox inside the state change.
 * Cancelled, shipped and delivered also carry {@code customer {email, firstName, lastName, phone}}, which
 * notification-service reads to address its emails (an additive field).
 */
@Component
public class OrderEvents {

    private final OutboxPublisher outbox;
    private final OrderStore store;
    private final JsonMapper json;

    public OrderEvents(OutboxPublisher outbox, OrderStore store, JsonMapper json) {
        this.outbox = outbox;
        this.store = store;
        this.json = json;
    }

    public void created(OrderRow o, List<OrderItemRow> items) {
        publish("order.created", o, createdFields(o, items, o.status(), o.paymentStatus()));
    }

    /**
     * {@code order.confirmed} (payment succeeded on a PENDING order): order.created's fields plus confirmedAt, paymentId,
     * customer and shippingAddress. Called by payments inside the transaction that confirmed the order.
     */
    public void confirmed(UUID orderId, UUID paymentId, Instant confirmedAt) {
        OrderRow o = store.find(orderId).orElseThrow();
        Map<String, Object> data = createdFields(o, store.items(orderId), OrderStatus.CONFIRMED, OrderPaymentStatus.PAID);
        data.put("confirmedAt", confirmedAt);
        data.put("paymentId", paymentId);
        data.put("customer", customer(o));
        data.put("shippingAddress", o.shippingAddress() == null ? null : json.readTree(o.shippingAddress()));
        publish("order.confirmed", o, data);
    }

    private static Map<String, Object> createdFields(OrderRow o, List<OrderItemRow> items, OrderStatus status,
                                                     OrderPaymentStatus paymentStatus) {
        Map<String, Object> data = base(o);
        data.put("status", status.name());
        data.put("paymentStatus", paymentStatus.name());
        data.put("items", items.stream().map(i -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("productId", i.productId());
            line.put("variantId", i.variantId());
            line.put("colourId", i.colourId());
            line.put("quantity", i.quantity());
            line.put("unitPrice", Money.ofPence(i.unitPrice()));
            line.put("category", i.category());
            return line;
        }).toList());
        data.put("itemCount", items.stream().mapToInt(OrderItemRow::quantity).sum());
        data.put("subtotal", Money.ofPence(o.subtotal()));
        data.put("discountAmount", Money.ofPence(o.discountAmount()));
        data.put("loyaltyPointsRedeemed", o.loyaltyPointsRedeemed());
        data.put("shippingAmount", Money.ofPence(o.shippingAmount()));
        data.put("taxAmount", Money.ofPence(o.taxAmount()));
        data.put("totalAmount", Money.ofPence(o.totalAmount()));
        data.put("currency", o.currency());
        data.put("couponCode", o.couponCode());
        data.put("appointmentId", o.appointmentId());
        data.put("source", o.source());
        data.put("includesKitchen", items.stream().anyMatch(i -> "KITCHEN".equals(i.category())));
        data.put("includesBedroom", items.stream().anyMatch(i -> "BEDROOM".equals(i.category())));
        data.put("expiresAt", o.expiresAt());
        return data;
    }

    public record Cancellation(OrderStatus previousStatus, String reason, String initiator, String note,
                               UUID cancelledBy, Instant cancelledAt, boolean refundInitiated, UUID refundId) {
    }

    public void cancelled(OrderRow o, List<OrderItemRow> items, Cancellation c) {
        Map<String, Object> data = base(o);
        data.put("previousStatus", c.previousStatus().name());
        data.put("reason", c.reason());
        data.put("initiator", c.initiator());
        data.put("note", c.note());
        data.put("cancelledBy", c.cancelledBy());
        data.put("cancelledAt", c.cancelledAt());
        data.put("items", items.stream().map(i -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("productId", i.productId());
            line.put("variantId", i.variantId());
            line.put("quantity", i.quantity());
            return line;
        }).toList());
        data.put("loyaltyPointsRedeemed", o.loyaltyPointsRedeemed());
        data.put("refundInitiated", c.refundInitiated());
        data.put("refundId", c.refundId());
        data.put("customer", customer(o));
        publish("order.cancelled", o, data);
    }

    public void expired(OrderRow o, int itemCount, Instant expiredAt) {
        Map<String, Object> data = base(o);
        data.put("customerEmail", o.customerEmail());
        data.put("totalAmount", Money.ofPence(o.totalAmount()));
        data.put("currency", o.currency());
        data.put("itemCount", itemCount);
        data.put("loyaltyPointsRedeemed", o.loyaltyPointsRedeemed());
        data.put("createdAt", o.createdAt());
        data.put("expiredAt", expiredAt);
        publish("order.expired", o, data);
    }

    /** order.shipped or order.delivered. */
    public void fulfilment(String topic, OrderRow o, String carrier, String trackingNumber, String trackingUrl,
                           LocalDate estimatedDelivery, Instant occurredAt) {
        Map<String, Object> data = base(o);
        data.put("carrier", carrier);
        data.put("trackingNumber", trackingNumber);
        data.put("trackingUrl", trackingUrl);
        data.put("estimatedDelivery", estimatedDelivery == null ? null : estimatedDelivery.toString());
        data.put("occurredAt", occurredAt);
        data.put("customer", customer(o));
        publish(topic, o, data);
    }

    public void completed(OrderRow o, Instant completedAt) {
        Map<String, Object> data = base(o);
        data.put("totalAmount", Money.ofPence(o.totalAmount()));
        data.put("currency", o.currency());
        data.put("completedAt", completedAt);
        publish("order.completed", o, data);
    }

    private void publish(String topic, OrderRow o, Map<String, Object> data) {
        outbox.publish(topic, o.id().toString(), data);
    }

    private static Map<String, Object> base(OrderRow o) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", o.id());
        data.put("orderNumber", o.orderNumber());
        data.put("userId", o.userId());
        return data;
    }

    static Map<String, Object> customer(OrderRow o) {
        return customer(o.customerName(), o.customerEmail(), o.customerPhone());
    }

    /**
     * The {@code customer} block every customer-facing order event carries (additive to spec 20 §2.5): the checkout
     * snapshot, so notification-service can address the email without knowing the account.
     */
    public static Map<String, Object> customer(String customerName, String email, String phone) {
        String name = customerName == null ? "" : customerName.trim();
        int space = name.indexOf(' ');
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("email", email);
        customer.put("firstName", space < 0 ? name : name.substring(0, space));
        customer.put("lastName", space < 0 ? null : name.substring(space + 1).trim());
        customer.put("phone", phone);
        return customer;
    }
}
