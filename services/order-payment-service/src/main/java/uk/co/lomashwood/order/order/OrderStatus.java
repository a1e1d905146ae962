package uk.co.lomashwood.order.order;

import java.util.EnumSet;
import java.util.Set;

/** Order lifecycle of spec 20 §2.4.3; {@link #canMoveTo} is the only place the allowed transitions live. */
public enum OrderStatus {
    PENDING, CONFIRMED, PROCESSING, SHIPPED, DELIVERED, COMPLETED, CANCELLED, EXPIRED, REFUNDED;

    /** What {@code PATCH /v1/orders/:id/status} may request; CONFIRMED, EXPIRED and REFUNDED are system-only. */
    public static final Set<OrderStatus> ADMIN_REQUESTABLE = EnumSet.of(PROCESSING, SHIPPED, DELIVERED, COMPLETED,
            CANCELLED);

    public boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case PENDING -> next == CONFIRMED || next == CANCELLED || next == EXPIRED;
            case CONFIRMED -> next == PROCESSING || next == CANCELLED || next == REFUNDED;
            case PROCESSING -> next == SHIPPED || next == CANCELLED || next == REFUNDED;
            case SHIPPED -> next == DELIVERED || next == REFUNDED;
            case DELIVERED -> next == COMPLETED || next == REFUNDED;
            case COMPLETED -> next == REFUNDED;
            case CANCELLED, EXPIRED, REFUNDED -> false;
        };
    }

    public boolean isTerminal() {
        return this == CANCELLED || this == EXPIRED || this == REFUNDED;
    }
}
