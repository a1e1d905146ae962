package uk.co.lomashwood.order.stripe;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON Stripe would put in {@code data.object} of its events (payment_intent, charge, refund), the event
 * envelope around it, and Stripe-shaped ids. Field names and nesting follow Stripe's API reference.
 */
final class OfflineStripeObjects {

    /** The API version Stripe stamps on webhook events of an endpoint pinned to it (spec 20 §2.4.5). */
    static final String API_VERSION = "2024-06-20";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OfflineStripeObjects() {
    }

    static String id(String prefix) {
        return prefix + "_" + random(24);
    }

    static String clientSecret(String intentId) {
        return intentId + "_secret_" + random(25);
    }

    static ObjectNode event(String id, String type, ObjectNode object, String idempotencyKey, Instant created) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", created.getEpochSecond());
        event.putObject("data").set("object", object);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        ObjectNode request = event.putObject("request");
        request.put("id", idempotencyKey == null ? null : id("req"));
        request.put("idempotency_key", idempotencyKey);
        event.put("type", type);
        return event;
    }

    static ObjectNode paymentIntent(OfflineIntent intent) {
        ObjectNode pi = JSON.createObjectNode();
        pi.put("id", intent.id());
        pi.put("object", "payment_intent");
        pi.put("amount", intent.amount());
        pi.put("amount_capturable", 0);
        pi.put("amount_received", OfflineIntent.SUCCEEDED.equals(intent.status()) ? intent.amount() : 0);
        ObjectNode automatic = pi.putObject("automatic_payment_methods");
        automatic.put("allow_redirects", "never");
        automatic.put("enabled", true);
        pi.put("canceled_at", (String) null);
        pi.put("cancellation_reason", intent.cancellationReason());
        pi.put("capture_method", "automatic");
        pi.put("client_secret", intent.clientSecret());
        pi.put("confirmation_method", "automatic");
        pi.put("created", intent.createdAt().getEpochSecond());
        pi.put("currency", intent.currency());
        pi.put("customer", intent.customerId());
        pi.put("description", intent.description());
        pi.set("last_payment_error", lastPaymentError(intent));
        pi.put("latest_charge", intent.chargeId());
        pi.put("livemode", false);
        pi.set("metadata", metadata(intent.metadata()));
        pi.set("next_action", nextAction(intent));
        pi.put("payment_method", intent.paymentMethod());
        pi.putArray("payment_method_types").add("card");
        pi.put("receipt_email", intent.receiptEmail());
        pi.put("setup_future_usage", intent.setupFutureUsage());
        pi.put("statement_descriptor_suffix", "ORDER");
        pi.put("status", intent.status());
        return pi;
    }

    static ObjectNode charge(OfflineIntent intent, List<OfflineRefund> refunds, String receiptUrlBase) {
        boolean succeeded = OfflineIntent.SUCCEEDED.equals(intent.chargeStatus());
        ObjectNode charge = JSON.createObjectNode();
        charge.put("id", intent.chargeId());
        charge.put("object", "charge");
        charge.put("amount", intent.amount());
        charge.put("amount_captured", succeeded ? intent.amount() : 0);
        charge.put("amount_refunded", intent.amountRefunded());
        charge.put("captured", succeeded);
        charge.put("created", intent.createdAt().getEpochSecond());
        charge.put("currency", intent.currency());
        charge.put("customer", intent.customerId());
        charge.put("description", intent.description());
        charge.put("failure_code", intent.lastErrorCode());
        charge.put("failure_message", intent.lastErrorMessage());
        charge.put("livemode", false);
        charge.set("metadata", metadata(intent.metadata()));
        ObjectNode outcome = charge.putObject("outcome");
        outcome.put("network_status", succeeded ? "approved_by_network" : "declined_by_network");
        outcome.put("reason", succeeded ? null : intent.lastErrorDeclineCode());
        outcome.put("type", succeeded ? "authorized" : "issuer_declined");
        charge.put("paid", succeeded);
        charge.put("payment_intent", intent.id());
        charge.put("payment_method", intent.paymentMethod());
        ObjectNode details = charge.putObject("payment_method_details");
        ObjectNode card = details.putObject("card");
        card.put("brand", intent.cardBrand());
        card.put("country", "US");
        card.put("exp_month", intent.cardExpMonth());
        card.put("exp_year", intent.cardExpYear());
        card.put("funding", "credit");
        card.put("last4", intent.cardLast4());
        card.put("network", intent.cardBrand());
        card.putNull("wallet");
        details.put("type", "card");
        charge.put("receipt_email", intent.receiptEmail());
        charge.put("receipt_url", succeeded ? receiptUrlBase + intent.chargeId() : null);
        charge.put("refunded", intent.amountRefunded() >= intent.amount());
        ObjectNode list = charge.putObject("refunds");
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        refunds.forEach(r -> data.add(refund(r)));
        list.put("has_more", false);
        list.put("total_count", refunds.size());
        list.put("url", "/v1/charges/" + intent.chargeId() + "/refunds");
        charge.put("status", succeeded ? "succeeded" : "failed");
        return charge;
    }

    static ObjectNode refund(OfflineRefund refund) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", refund.id());
        node.put("object", "refund");
        node.put("amount", refund.amount());
        node.put("charge", refund.chargeId());
        node.put("created", refund.createdAt().getEpochSecond());
        node.put("currency", refund.currency());
        node.put("failure_reason", refund.failureReason());
        node.set("metadata", metadata(refund.metadata()));
        node.put("payment_intent", refund.paymentIntentId());
        node.put("reason", refund.reason());
        node.put("status", refund.status());
        return node;
    }

    private static ObjectNode lastPaymentError(OfflineIntent intent) {
        if (intent.lastErrorCode() == null) {
            return null;
        }
        ObjectNode error = JSON.createObjectNode();
        error.put("charge", intent.chargeId());
        error.put("code", intent.lastErrorCode());
        error.put("decline_code", intent.lastErrorDeclineCode());
        error.put("doc_url", "https://stripe.com/docs/error-codes/card-declined");
        error.put("message", intent.lastErrorMessage());
        error.put("type", "card_error");
        return error;
    }

    private static ObjectNode nextAction(OfflineIntent intent) {
        if (!OfflineIntent.REQUIRES_ACTION.equals(intent.status())) {
            return null;
        }
        ObjectNode action = JSON.createObjectNode();
        action.put("type", "use_stripe_sdk");
        action.putObject("use_stripe_sdk").put("type", "three_d_secure_redirect");
        return action;
    }

    private static ObjectNode metadata(Map<String, String> metadata) {
        ObjectNode node = JSON.createObjectNode();
        new java.util.TreeMap<>(metadata).forEach(node::put);
        return node;
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
