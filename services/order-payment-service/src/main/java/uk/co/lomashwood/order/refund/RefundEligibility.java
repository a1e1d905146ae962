package uk.co.lomashwood.order.refund;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.order.order.OrderPaymentStatus;
import uk.co.lomashwood.order.order.OrderStatus;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Who may be refunded how much (spec 20 §2.4.8): payment and order status, the 90-day window, what remains. */
@Component
class RefundEligibility {

    static final Duration WINDOW = Duration.ofDays(90);
    private static final Set<OrderStatus> ORDER_STATES = EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.PROCESSING,
            OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED, OrderStatus.CANCELLED);
    private static final Set<OrderPaymentStatus> PAYMENT_STATES = EnumSet.of(OrderPaymentStatus.PAID,
            OrderPaymentStatus.PARTIALLY_REFUNDED);

    private final Clock clock;

    RefundEligibility(Clock clock) {
        this.clock = clock;
    }

    /** Why an ADMIN refund is refused, or empty when {@code funds.remaining()} may be refunded. */
    Optional<ApiException> adminRefusal(OrderFunds funds) {
        if (funds.paymentStatus() == OrderPaymentStatus.REFUNDED
                || PAYMENT_STATES.contains(funds.paymentStatus()) && funds.captured() && funds.remaining() == 0) {
            return Optional.of(new ApiException(ErrorCode.ORDER_ALREADY_REFUNDED,
                    "Everything paid for this order has already been refunded or is being refunded."));
        }
        if (!PAYMENT_STATES.contains(funds.paymentStatus()) || !funds.captured()) {
            return Optional.of(new ApiException(ErrorCode.REFUND_NOT_ELIGIBLE,
                    "Only paid or partially refunded orders can be refunded (payment status " + funds.paymentStatus() + ")."));
        }
        if (!ORDER_STATES.contains(funds.status())) {
            return Optional.of(new ApiException(ErrorCode.REFUND_NOT_ELIGIBLE,
                    "An order in status " + funds.status() + " cannot be refunded."));
        }
        if (funds.paidAt() != null && funds.paidAt().plus(WINDOW).isBefore(clock.instant())) {
            return Optional.of(new ApiException(ErrorCode.REFUND_WINDOW_EXPIRED,
                    "The 90-day refund window for this order has closed."));
        }
        return Optional.empty();
    }

    /** What the SYSTEM may refund (no window, any order status): whatever remains once money was taken. */
    long systemRefundable(OrderFunds funds) {
        return funds.captured() && funds.paymentStatus() != OrderPaymentStatus.CHARGED_BACK ? funds.remaining() : 0;
    }
}
