package uk.co.lomashwood.order.stripe;

/**
 * Checks Stripe's {@code Stripe-Signature} header (HMAC-SHA256 over {@code "{t}.{payload}"} with
 * {@code STRIPE_WEBHOOK_SECRET}, 300 s tolerance; spec 20 §2.4.6 step 1) and parses the event.
 * Throws {@code ApiException(INVALID_WEBHOOK_SIGNATURE)} for a missing/bad/stale signature and
 * {@code ApiException(VALIDATION_ERROR)} for a body that is not a Stripe event. The secret is never logged.
 */
public interface WebhookVerifier {

    StripeEvent verify(byte[] payload, String signatureHeader);
}
