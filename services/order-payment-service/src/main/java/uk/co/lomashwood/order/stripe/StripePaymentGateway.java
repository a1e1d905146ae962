package uk.co.lomashwood.order.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentCreateParams.AutomaticPaymentMethods;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Stripe itself through the Stripe Java SDK's {@link StripeClient} (spec 20 §2.4.5): 10 s timeouts, 3 network
 * retries (safe because every write carries an idempotency key), the SDK's pinned API version. Stripe answering
 * "no" (invalid request, card error on a refund, idempotency mismatch) is a {@link PaymentGatewayException}
 * with {@code rejected = true}; network, 5xx, authentication and rate-limit failures have {@code rejected = false}.
 */
public class StripePaymentGateway implements PaymentGateway {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int NETWORK_RETRIES = 3;
    private static final String LATEST_CHARGE = "latest_charge";

    private final StripeClient client;
    private final String publishableKey;
    private final boolean livemode;

    public StripePaymentGateway(StripeProperties properties) {
        this.client = StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setApiBase(properties.apiBase())
                .setConnectTimeout((int) TIMEOUT.toMillis())
                .setReadTimeout((int) TIMEOUT.toMillis())
                .setMaxNetworkRetries(NETWORK_RETRIES)
                .build();
        this.publishableKey = properties.publishableKey();
        this.livemode = livemode(properties);
    }

    @Override
    public Intent createIntent(CreateIntent request) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setDescription(request.description())
                .setReceiptEmail(request.receiptEmail())
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC)
                .setAutomaticPaymentMethods(AutomaticPaymentMethods.builder().setEnabled(true)
                        .setAllowRedirects(AutomaticPaymentMethods.AllowRedirects.NEVER).build())
                .setStatementDescriptorSuffix("ORDER")
                .putAllMetadata(orEmpty(request.metadata()));
        if (request.customerId() != null) {
            params.setCustomer(request.customerId());
            if (request.savePaymentMethod()) {
                params.setSetupFutureUsage(PaymentIntentCreateParams.SetupFutureUsage.OFF_SESSION);
            }
        }
        return call("create payment intent",
                () -> StripeSdkMapping.intent(client.v1().paymentIntents().create(params.build(), keyed(request.idempotencyKey()))));
    }

    @Override
    public Intent retrieveIntent(String paymentIntentId) {
        PaymentIntentRetrieveParams params = PaymentIntentRetrieveParams.builder().addExpand(LATEST_CHARGE).build();
        return call("retrieve payment intent",
                () -> StripeSdkMapping.intent(client.v1().paymentIntents().retrieve(paymentIntentId, params)));
    }

    @Override
    public Intent cancelIntent(String paymentIntentId, String idempotencyKey) {
        PaymentIntentCancelParams params = PaymentIntentCancelParams.builder().addExpand(LATEST_CHARGE).build();
        return call("cancel payment intent", () -> StripeSdkMapping.intent(
                client.v1().paymentIntents().cancel(paymentIntentId, params, keyed(idempotencyKey))));
    }

    @Override
    public Refund createRefund(CreateRefund request) {
        RefundCreateParams.Builder params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentIntentId())
                .setAmount(request.amount())
                .putAllMetadata(orEmpty(request.metadata()));
        if (request.reason() != null) {
            params.setReason(RefundCreateParams.Reason.valueOf(request.reason().toUpperCase(Locale.ROOT)));
        }
        return call("create refund",
                () -> StripeSdkMapping.refund(client.v1().refunds().create(params.build(), keyed(request.idempotencyKey()))));
    }

    @Override
    public Refund retrieveRefund(String refundId) {
        return call("retrieve refund",
                () -> StripeSdkMapping.refund(client.v1().refunds().retrieve(refundId)));
    }

    @Override
    public String publishableKey() {
        return publishableKey;
    }

    @Override
    public boolean livemode() {
        return livemode;
    }

    private static Map<String, String> orEmpty(Map<String, String> metadata) {
        return metadata == null ? Map.of() : metadata;
    }

    private static RequestOptions keyed(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("Every Stripe write carries an idempotency key");
        }
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /** A live key means live mode whatever STRIPE_LIVEMODE says; otherwise the setting decides. */
    private static boolean livemode(StripeProperties properties) {
        String key = properties.secretKey();
        if (key.startsWith("sk_live_") || key.startsWith("rk_live_")) {
            return true;
        }
        return !key.startsWith("sk_test_") && !key.startsWith("rk_test_") && properties.livemode();
    }

    private static <T> T call(String what, StripeCall<T> call) {
        try {
            return call.run();
        } catch (InvalidRequestException | CardException | IdempotencyException e) {
            throw new PaymentGatewayException("Stripe refused to " + what + ": " + e.getMessage(), true, e);
        } catch (StripeException e) {
            throw new PaymentGatewayException("Stripe could not " + what + ": " + e.getMessage(), false, e);
        }
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }
}
