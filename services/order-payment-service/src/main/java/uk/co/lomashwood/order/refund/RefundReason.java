package uk.co.lomashwood.order.refund;

/** Why money is returned (spec 20 §2.2), with the reason Stripe is told (§2.4.8; others are omitted). */
public enum RefundReason {
    CUSTOMER_REQUEST, ORDER_CANCELLED, DUPLICATE, FRAUDULENT, PRODUCT_DAMAGED, PRODUCT_NOT_DELIVERED, INCORRECT_ITEM,
    QUALITY_ISSUE, CONSULTATION_CANCELLED, PRICING_ERROR, INVENTORY_UNAVAILABLE, GOODWILL, OTHER;

    /** duplicate, fraudulent, requested_by_customer or null. */
    public String stripeReason() {
        return switch (this) {
            case DUPLICATE -> "duplicate";
            case FRAUDULENT -> "fraudulent";
            case CUSTOMER_REQUEST, ORDER_CANCELLED -> "requested_by_customer";
            default -> null;
        };
    }
}
