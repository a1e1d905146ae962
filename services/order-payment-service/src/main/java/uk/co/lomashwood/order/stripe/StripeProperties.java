package uk.co.lomashwood.order.stripe;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code lomash.stripe.*}: a non-blank {@code secret-key} selects Stripe itself, otherwise the offline provider
 * stands in. {@code webhook-secret} signs (offline) and verifies (both) the {@code Stripe-Signature} header.
 *
 * @param offlineWebhookUrl where the offline provider delivers its events (the gateway's {@code /v1/webhooks/stripe})
 * @param offlineRetryBackoff first wait after a failed offline delivery; doubled on every further failure
 * @param offlineRefundSettleDelay how long an offline refund stays pending before it succeeds
 */
@ConfigurationProperties("lomash.stripe")
public record StripeProperties(String secretKey, String publishableKey, String webhookSecret, String apiBase,
                               boolean livemode, String offlineWebhookUrl, Duration offlineRetryBackoff,
                               Duration offlineRefundSettleDelay) {

    /** The yml's local default: known to everyone, so it must never verify a real Stripe account's webhooks. */
    static final String OFFLINE_WEBHOOK_SECRET = "whsec_local_offline_provider_only";

    public StripeProperties {
        if (secretKey != null && !secretKey.isBlank()
                && (webhookSecret == null || webhookSecret.isBlank() || OFFLINE_WEBHOOK_SECRET.equals(webhookSecret))) {
            throw new IllegalStateException("STRIPE_WEBHOOK_SECRET must be the signing secret of the Stripe webhook "
                    + "endpoint whenever STRIPE_SECRET_KEY is set (the local default would let anyone forge webhooks)");
        }
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase;
        offlineRetryBackoff = offlineRetryBackoff == null ? Duration.ofSeconds(1) : offlineRetryBackoff;
        offlineRefundSettleDelay = offlineRefundSettleDelay == null ? Duration.ofSeconds(2) : offlineRefundSettleDelay;
    }

    boolean live() {
        return secretKey != null && !secretKey.isBlank();
    }

    /** Keeps the keys out of logs and error messages. */
    @Override
    public String toString() {
        return "StripeProperties[live=" + live() + ", apiBase=" + apiBase + ", livemode=" + livemode
                + ", offlineWebhookUrl=" + offlineWebhookUrl + "]";
    }
}
