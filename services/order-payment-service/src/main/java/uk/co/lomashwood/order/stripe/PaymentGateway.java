package uk.co.lomashwood.order.stripe;

import java.util.Map;
import java.util.Optional;

/**
 * The payment provider as this service uses it (spec 20 §2.4.5, §2.4.8): Stripe through its Java SDK when
 * {@code STRIPE_SECRET_KEY} is set, otherwise the offline provider, which keeps intents and refunds in its own tables
 * and delivers Stripe-signed webhooks to {@code /v1/webhooks/stripe} exactly as Stripe would. Every write carries the
 * caller's idempotency key. Provider failures (network, 5xx, auth) are thrown as
 * {@link PaymentGatewayException}; card declines are not failures of the call.
 */
public interface PaymentGateway {

    Intent createIntent(CreateIntent request);

    /** The intent with its latest charge expanded (card details, receipt URL, refunded total). */
    Intent retrieveIntent(String paymentIntentId);

    Intent cancelIntent(String paymentIntentId, String idempotencyKey);

    Refund createRefund(CreateRefund request);

    Refund retrieveRefund(String refundId);

    String publishableKey();

    /** Whether this gateway talks to Stripe's live mode; webhooks of the other mode are ignored. */
    boolean livemode();

    /**
     * @param amount pence
     * @param metadata orderId, orderNumber, userId, paymentId, attemptNo
     * @param customerId a Stripe customer to attach (savePaymentMethod), or null
     */
    record CreateIntent(long amount, String currency, String description, String receiptEmail,
                        Map<String, String> metadata, String idempotencyKey, String customerId,
                        boolean savePaymentMethod) {
    }

    /**
     * A PaymentIntent as Stripe reports it. {@code status} is Stripe's own value (requires_payment_method,
     * requires_confirmation, requires_action, processing, succeeded, canceled).
     */
    record Intent(String id, String clientSecret, String status, long amount, String currency,
                  Map<String, String> metadata, Optional<Charge> latestCharge, Optional<LastError> lastError,
                  String cancellationReason) {
    }

    /** @param method CARD, WALLET … (our PaymentMethod) derived from the charge's payment method details */
    record Charge(String id, String method, String cardBrand, String cardLast4, Integer cardExpMonth,
                  Integer cardExpYear, String receiptUrl, long amountCaptured, long amountRefunded,
                  String paymentMethodId) {
    }

    record LastError(String code, String declineCode, String message) {
    }

    /** @param reason Stripe's refund reason (duplicate, fraudulent, requested_by_customer) or null */
    record CreateRefund(String paymentIntentId, long amount, String reason, Map<String, String> metadata,
                        String idempotencyKey) {
    }

    /** {@code status} is Stripe's (pending, requires_action, succeeded, failed, canceled). */
    record Refund(String id, String paymentIntentId, String chargeId, long amount, String currency, String status,
                  String failureReason, Map<String, String> metadata) {
    }
}
