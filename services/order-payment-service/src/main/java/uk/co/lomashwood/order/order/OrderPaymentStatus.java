package uk.co.lomashwood.order.order;

/**
 * The order's payment state (spec 20 §2.4.3), moving independently of {@link OrderStatus}. DISPUTED returns to
 * the value it had before the dispute when the dispute is won, which the caller keeps in the payment metadata.
 */
public enum OrderPaymentStatus {
    UNPAID, PROCESSING, PAID, FAILED, PARTIALLY_REFUNDED, REFUNDED, DISPUTED, CHARGED_BACK;

    public boolean canMoveTo(OrderPaymentStatus next) {
        return switch (this) {
            case UNPAID -> next == PROCESSING || next == PAID || next == FAILED;
            case PROCESSING -> next == PAID || next == FAILED;
            case FAILED -> next == PROCESSING || next == PAID;
            case PAID -> next == PARTIALLY_REFUNDED || next == REFUNDED || next == DISPUTED;
            case PARTIALLY_REFUNDED -> next == PARTIALLY_REFUNDED || next == REFUNDED || next == DISPUTED;
            case DISPUTED -> next == PAID || next == PARTIALLY_REFUNDED || next == CHARGED_BACK;
            case REFUNDED, CHARGED_BACK -> false;
        };
    }

    public boolean moneyTaken() {
        return this == PAID || this == PARTIALLY_REFUNDED || this == DISPUTED;
    }
}
