package uk.co.lomashwood.order.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.co.lomashwood.order.stripe.StripeEvent;
import uk.co.lomashwood.order.stripe.WebhookVerifier;
import uk.co.lomashwood.order.webhook.StoredEvents;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

/**
 * Test stand-in for the stripe helper's verifier (not in main yet): Stripe's scheme, HMAC-SHA256 over
 * {@code "{t}.{payload}"}, any matching {@code v1}, 300 s tolerance.
 */
public class HmacWebhookVerifier implements WebhookVerifier {

    private final String secret;
    private final JsonMapper json;
    private final Clock clock;

    public HmacWebhookVerifier(String secret, JsonMapper json, Clock clock) {
        this.secret = secret;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public StripeEvent verify(byte[] payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw invalid();
        }
        Long timestamp = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : signatureHeader.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    throw invalid();
                }
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (timestamp == null || Math.abs(clock.instant().getEpochSecond() - timestamp) > 300) {
            throw invalid();
        }
        String body = new String(payload, StandardCharsets.UTF_8);
        byte[] expected = StripeSignatures.hmac(secret, timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        if (signatures.stream().noneMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.UTF_8)))) {
            throw invalid();
        }
        try {
            JsonNode root = json.readTree(body);
            if (!root.isObject() || !root.path("id").isString() || !root.path("type").isString()) {
                throw new ApiException(ErrorCode.VALIDATION_ERROR, "The body is not a Stripe event.");
            }
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The body is not valid JSON.");
        }
        return new StoredEvents(json).parse(body);
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_WEBHOOK_SIGNATURE, "The Stripe-Signature header is missing or invalid.");
    }
}
