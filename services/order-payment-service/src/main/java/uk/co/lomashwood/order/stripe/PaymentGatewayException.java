package uk.co.lomashwood.order.stripe;

/**
 * The provider could not be reached or refused the call for a reason that is not the customer's card
 * (network, 5xx, authentication, rate limit). Callers map it to 502 {@code PAYMENT_GATEWAY_ERROR}, or — for a
 * refund Stripe rejected as invalid ({@link #rejected()}) — to 422 {@code REFUND_FAILED}.
 */
public class PaymentGatewayException extends RuntimeException {

    private final boolean rejected;

    public PaymentGatewayException(String message, boolean rejected, Throwable cause) {
        super(message, cause);
        this.rejected = rejected;
    }

    /** Stripe answered and said no (4xx invalid request), as opposed to being unreachable. */
    public boolean rejected() {
        return rejected;
    }
}
