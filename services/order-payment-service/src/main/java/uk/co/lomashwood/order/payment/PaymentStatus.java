package uk.co.lomashwood.order.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * One Stripe attempt (spec 20 §2.2 {@code PaymentStatus}, mirrored from the intent as in §2.4.3). Moves only
 * forward, so a late or repeated webhook can never undo a later state; FAILED is not final because Stripe lets
 * the customer try another card on the same intent.
 */
public enum PaymentStatus {
    PENDING, REQUIRES_ACTION, PROCESSING, SUCCEEDED, FAILED, CANCELLED, PARTIALLY_REFUNDED, REFUNDED, DISPUTED;

    /** Attempts whose intent can still take the customer's money. */
    public static final Set<PaymentStatus> LIVE = EnumSet.of(PENDING, REQUIRES_ACTION, PROCESSING);
    /** Attempts that took the money (at most one per order). */
    public static final Set<PaymentStatus> CAPTURED = EnumSet.of(SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED, DISPUTED);

    public boolean canMoveTo(PaymentStatus next) {
        return switch (this) {
            case PENDING -> next == REQUIRES_ACTION || next == PROCESSING || next == SUCCEEDED || next == FAILED
                    || next == CANCELLED;
            case REQUIRES_ACTION -> next == PROCESSING || next == SUCCEEDED || next == FAILED || next == CANCELLED;
            case PROCESSING -> next == SUCCEEDED || next == FAILED;
            case FAILED -> next == REQUIRES_ACTION || next == PROCESSING || next == SUCCEEDED || next == CANCELLED;
            case SUCCEEDED -> next == PARTIALLY_REFUNDED || next == REFUNDED || next == DISPUTED;
            case PARTIALLY_REFUNDED -> next == REFUNDED || next == DISPUTED;
            case DISPUTED -> next == SUCCEEDED || next == PARTIALLY_REFUNDED;
            case CANCELLED, REFUNDED -> false;
        };
    }

    public boolean isLive() {
        return LIVE.contains(this);
    }

    public boolean isCaptured() {
        return CAPTURED.contains(this);
    }

    /** Stripe's intent status as an attempt status (§2.4.3); {@code failed} when Stripe reports a last error. */
    public static PaymentStatus ofIntent(String stripeStatus, boolean lastError) {
        return switch (stripeStatus) {
            case "requires_action" -> REQUIRES_ACTION;
            case "processing" -> PROCESSING;
            case "succeeded" -> SUCCEEDED;
            case "canceled" -> CANCELLED;
            default -> lastError ? FAILED : PENDING;
        };
    }
}
