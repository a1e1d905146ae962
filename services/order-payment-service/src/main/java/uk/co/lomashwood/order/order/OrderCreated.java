package uk.co.lomashwood.order.order;

import uk.co.lomashwood.platform.core.money.Money;

import java.time.Instant;
import java.util.UUID;

/** The 201 body of {@code POST /v1/orders} (spec 20 §2.3). */
public record OrderCreated(UUID orderId, String orderNumber, OrderStatus status, OrderPaymentStatus paymentStatus,
                           Money subtotal, Money discountAmount, Money shippingAmount, Money taxAmount,
                           Money totalAmount, String currency, Instant expiresAt, Payment payment) {

    public record Payment(UUID paymentId, String paymentIntentId, String clientSecret, String publishableKey) {
    }

    static OrderCreated of(OrderRow o, OrderPayments.PaymentStart start) {
        return new OrderCreated(o.id(), o.orderNumber(), o.status(), o.paymentStatus(), Money.ofPence(o.subtotal()),
                Money.ofPence(o.discountAmount()), Money.ofPence(o.shippingAmount()), Money.ofPence(o.taxAmount()),
                Money.ofPence(o.totalAmount()), o.currency(), o.expiresAt(),
                new Payment(start.paymentId(), start.paymentIntentId(), start.clientSecret(), start.publishableKey()));
    }
}
