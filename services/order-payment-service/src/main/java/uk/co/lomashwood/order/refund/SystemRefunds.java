package uk.co.lomashwood.order.refund;

import java.util.Optional;
import java.util.UUID;

/**
 * Refunds started by the platform itself (cancellation of a paid order, payment that succeeded on a cancelled
 * or expired order, stock that could not be committed): initiator SYSTEM, no refund window (spec 20 §2.4.8).
 */
public interface SystemRefunds {

    /** Refunds the remaining refundable amount; empty when nothing remains. {@code reason} is a RefundReason. */
    Optional<UUID> refundRemaining(UUID orderId, String reason);
}
