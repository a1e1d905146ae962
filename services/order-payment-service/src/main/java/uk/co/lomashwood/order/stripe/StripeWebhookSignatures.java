package uk.co.lomashwood.order.stripe;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Stripe's webhook signature scheme: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.payload">[,v1=…][,v0=…]}. Any {@code v1} matching (compared in constant time) within 300 s of the clock
 * accepts the payload; {@code v0} (test-mode legacy) is ignored, as Stripe's own libraries do.
 */
public final class StripeWebhookSignatures implements WebhookVerifier {

    public static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] secret;
    private final Clock clock;

    public StripeWebhookSignatures(String webhookSecret, Clock clock) {
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalStateException("lomash.stripe.webhook-secret (env STRIPE_WEBHOOK_SECRET) must be set");
        }
        this.secret = webhookSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The {@code Stripe-Signature} header Stripe would send for {@code payload} signed at {@code timestamp}. */
    public static String sign(byte[] payload, String secret, Instant timestamp) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), t, payload));
    }

    @Override
    public StripeEvent verify(byte[] payload, String signatureHeader) {
        Header header = Header.parse(signatureHeader);
        byte[] expected = hmac(secret, header.timestamp(), payload == null ? new byte[0] : payload);
        boolean matches = header.v1().stream().anyMatch(candidate -> MessageDigest.isEqual(expected, candidate));
        if (!matches) {
            throw invalid("No signature matches the payload.");
        }
        long age = clock.instant().getEpochSecond() - header.timestamp();
        if (Math.abs(age) > TOLERANCE.toSeconds()) {
            throw invalid("The signature's timestamp is outside the tolerance.");
        }
        return parse(payload);
    }

    private static StripeEvent parse(byte[] payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The webhook body is not JSON.");
        }
        JsonNode object = root == null ? null : root.path("data").get("object");
        if (root == null || !root.isObject() || !text(root, "id") || !text(root, "type")
                || object == null || !object.isObject() || !root.path("created").isIntegralNumber()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The webhook body is not a Stripe event.");
        }
        JsonNode version = root.get("api_version");
        return new StripeEvent(root.get("id").asString(), root.get("type").asString(),
                root.path("livemode").asBoolean(false), version == null || version.isNull() ? null : version.asString(),
                Instant.ofEpochSecond(root.get("created").asLong()), object,
                new String(payload, StandardCharsets.UTF_8));
    }

    private static boolean text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.asString().isBlank();
    }

    private static byte[] hmac(byte[] key, long timestamp, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ErrorCode.INVALID_WEBHOOK_SIGNATURE, detail);
    }

    private record Header(long timestamp, List<byte[]> v1) {

        static Header parse(String header) {
            if (header == null || header.isBlank()) {
                throw invalid("The Stripe-Signature header is missing.");
            }
            Long timestamp = null;
            List<byte[]> signatures = new ArrayList<>();
            for (String part : header.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw invalid("The Stripe-Signature header is malformed.");
                }
                String key = part.substring(0, eq).trim();
                String value = part.substring(eq + 1).trim();
                if (key.equals("t")) {
                    timestamp = parseTimestamp(value);
                } else if (key.equals("v1") && value.matches("[0-9a-fA-F]{64}")) {
                    signatures.add(HexFormat.of().parseHex(value));
                }
            }
            if (timestamp == null || signatures.isEmpty()) {
                throw invalid("The Stripe-Signature header has no timestamp or no v1 signature.");
            }
            return new Header(timestamp, signatures);
        }

        private static long parseTimestamp(String value) {
            if (!value.matches("\\d{1,12}")) {
                throw invalid("The Stripe-Signature timestamp is malformed.");
            }
            return Long.parseLong(value);
        }
    }
}
