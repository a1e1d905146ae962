package uk.co.lomashwood.order.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import uk.co.lomashwood.platform.core.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The Order response of spec 20 §2.3 (amounts in pounds with currency; internalNotes for ADMIN only). */
public record OrderView(UUID id, String orderNumber, UUID userId, OrderStatus status, OrderPaymentStatus paymentStatus,
                        List<Item> items, Money subtotal, Money discountAmount, int loyaltyPointsRedeemed,
                        Money loyaltyDiscountAmount, Money shippingAmount, Money taxAmount, Money totalAmount,
                        Money amountPaid, Money amountRefunded, String currency, String couponCode,
                        OrderStore.MethodName shippingMethod, @JsonRawValue String shippingAddress,
                        @JsonRawValue String billingAddress, String notes, String customerEmail, String customerPhone,
                        UUID appointmentId, Tracking tracking, UUID invoiceId, Instant expiresAt, Instant confirmedAt,
                        Instant shippedAt, Instant deliveredAt, Instant completedAt, Instant cancelledAt,
                        String cancellationReason, Instant createdAt, Instant updatedAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String internalNotes) {

    public record Item(UUID id, UUID productId, UUID variantId, String variantName, UUID colourId, String colourName,
                       String productTitle, String sku, String category, int quantity, Money unitPrice,
                       Money totalPrice, Money discountAmount, BigDecimal taxRate, Money taxAmount, String imageUrl) {
    }

    public record Tracking(String carrier, String trackingNumber, String trackingUrl, LocalDate estimatedDeliveryDate) {
    }

    static OrderView of(OrderRow o, List<OrderItemRow> items, OrderStore.MethodName method, OrderStore.Tracking tracking,
                        UUID invoiceId, boolean admin) {
        return new OrderView(o.id(), o.orderNumber(), o.userId(), o.status(), o.paymentStatus(),
                items.stream().map(OrderView::item).toList(), Money.ofPence(o.subtotal()), Money.ofPence(o.discountAmount()),
                o.loyaltyPointsRedeemed(), Money.ofPence(o.loyaltyDiscountAmount()), Money.ofPence(o.shippingAmount()),
                Money.ofPence(o.taxAmount()), Money.ofPence(o.totalAmount()), Money.ofPence(o.amountPaid()),
                Money.ofPence(o.amountRefunded()), o.currency(), o.couponCode(), method, o.shippingAddress(),
                o.billingAddress(), o.notes(), o.customerEmail(), o.customerPhone(), o.appointmentId(),
                tracking == null ? new Tracking(null, null, null, o.estimatedDeliveryDate())
                        : new Tracking(tracking.carrier(), tracking.trackingNumber(), tracking.trackingUrl(),
                        tracking.estimatedDelivery() != null ? tracking.estimatedDelivery() : o.estimatedDeliveryDate()),
                invoiceId, o.expiresAt(), o.confirmedAt(), o.shippedAt(), o.deliveredAt(), o.completedAt(),
                o.cancelledAt(), o.cancellationReason(), o.createdAt(), o.updatedAt(), admin ? o.internalNotes() : null);
    }

    private static Item item(OrderItemRow i) {
        return new Item(i.id(), i.productId(), i.variantId(), i.variantName(), i.colourId(), i.colourName(),
                i.productTitle(), i.sku(), i.category(), i.quantity(), Money.ofPence(i.unitPrice()),
                Money.ofPence(i.totalPrice()), Money.ofPence(i.discountAmount()), i.taxRate(), Money.ofPence(i.taxAmount()),
                i.imageUrl());
    }
}
