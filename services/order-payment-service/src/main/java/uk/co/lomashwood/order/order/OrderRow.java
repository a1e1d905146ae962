package uk.co.lomashwood.order.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One {@code orders} row; amounts in pence. */
public record OrderRow(UUID id, String orderNumber, UUID userId, String customerEmail, String customerName,
                       String customerPhone, OrderStatus status, OrderPaymentStatus paymentStatus, String source,
                       long subtotal, long discountAmount, int loyaltyPointsRedeemed, long loyaltyDiscountAmount,
                       long shippingAmount, long taxAmount, long totalAmount, long amountPaid, long amountRefunded,
                       String currency, String couponCode, UUID shippingMethodId, String shippingAddress,
                       String billingAddress, String notes, String internalNotes, UUID appointmentId,
                       String cancellationReason, String cancellationNote, Instant expiresAt, Instant confirmedAt,
                       Instant shippedAt, Instant deliveredAt, Instant completedAt, Instant cancelledAt,
                       Instant expiredAt, LocalDate estimatedDeliveryDate, Instant createdAt, Instant updatedAt) {
}
