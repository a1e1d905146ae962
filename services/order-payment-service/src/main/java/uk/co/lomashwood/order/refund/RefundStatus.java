package uk.co.lomashwood.order.refund;

import java.util.Set;

/**
 * A refund's lifecycle. Provider updates only move it forward (out-of-order webhooks are harmless); SUCCEEDED is
 * final; FAILED goes back to PENDING only through the retry endpoint; the provider's word wins over our FAILED or
 * CANCELLED when it reports success.
 */
public enum RefundStatus {
    PENDING, PROCESSING, SUCCEEDED, FAILED, CANCELLED;

    /** Statuses whose amount is no longer refundable. */
    public static final Set<RefundStatus> ACTIVE = Set.of(PENDING, PROCESSING, SUCCEEDED);

    /** Stripe's refund status (pending, requires_action, succeeded, failed, canceled) in ours (spec 20 §2.4.6). */
    public static RefundStatus fromStripe(String status) {
        return switch (status == null ? "" : status) {
            case "succeeded" -> SUCCEEDED;
            case "failed" -> FAILED;
            case "canceled" -> CANCELLED;
            default -> PROCESSING;
        };
    }

    /** Whether the provider's report moves the refund on. */
    public boolean providerMayMoveTo(RefundStatus next) {
        return switch (this) {
            case PENDING -> next != PENDING;
            case PROCESSING -> next == SUCCEEDED || next == FAILED || next == CANCELLED;
            case FAILED -> next == SUCCEEDED || next == PROCESSING;
            case CANCELLED -> next == SUCCEEDED;
            case SUCCEEDED -> false;
        };
    }
}
