package uk.co.lomashwood.order.payment;

import java.time.Instant;
import java.util.UUID;

import uk.co.lomashwood.order.order.OrderPaymentStatus;
import uk.co.lomashwood.order.order.OrderStatus;

/** The columns of an order that payments read and move (amounts in pence). */
public record OrderRow(UUID id, String orderNumber, UUID userId, String customerEmail, String customerName,
                       String customerPhone, OrderStatus status, OrderPaymentStatus paymentStatus, long subtotal,
                       long discountAmount, int loyaltyPointsRedeemed, long shippingAmount, long taxAmount,
                       long totalAmount, long amountPaid, String currency, String couponCode, UUID appointmentId,
                       String source, String shippingAddress, Instant expiresAt, Instant confirmedAt,
                       Instant createdAt) {

    /** PENDING, not expired and not paid: a new or existing attempt may still take the money (§2.4.5 step 4). */
    public boolean payableAt(Instant now) {
        return status == OrderStatus.PENDING && expiresAt.isAfter(now) && !paymentStatus.moneyTaken();
    }
}
