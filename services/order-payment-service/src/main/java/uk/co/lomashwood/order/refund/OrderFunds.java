package uk.co.lomashwood.order.refund;

import uk.co.lomashwood.order.order.OrderPaymentStatus;
import uk.co.lomashwood.order.order.OrderStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * An order's money as refunds see it: what was paid (and by which captured attempt, when), what refunds already
 * hold. {@code remaining} = amountPaid − Σ PENDING/PROCESSING/SUCCEEDED refunds (spec 20 §2.4.8).
 */
record OrderFunds(UUID orderId, String orderNumber, UUID userId, OrderStatus status, OrderPaymentStatus paymentStatus,
                  long amountPaid, String currency, UUID paymentId, String paymentIntentId, Instant paidAt,
                  long settled, long pending, long refundCount) {

    long committed() {
        return settled + pending;
    }

    long remaining() {
        return Math.max(0, amountPaid - committed());
    }

    boolean captured() {
        return paymentId != null;
    }
}
