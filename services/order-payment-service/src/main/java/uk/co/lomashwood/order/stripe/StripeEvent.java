package uk.co.lomashwood.order.stripe;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A webhook event whose signature has been verified. {@code object} is Stripe's {@code data.object} (a
 * payment_intent, charge, refund or dispute); handlers re-read intents and refunds through
 * {@link PaymentGateway} rather than trusting the snapshot, which keeps out-of-order delivery harmless.
 */
public record StripeEvent(String id, String type, boolean livemode, String apiVersion, Instant created,
                          JsonNode object, String rawJson) {
}
