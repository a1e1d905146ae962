package uk.co.lomashwood.order.stripe;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.co.lomashwood.order.stripe.PaymentGateway.CreateIntent;
import uk.co.lomashwood.order.stripe.PaymentGateway.CreateRefund;
import uk.co.lomashwood.order.stripe.PaymentGateway.Intent;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Stripe adapter against an HTTP stub speaking Stripe's wire format: form-encoded requests, JSON answers. */
class StripePaymentGatewayTest {

    private static final String SECRET_KEY = "sk_test_adapter";
    private static final String INTENT_ID = "pi_3QxYzA2eZvKYlo2C0abcDEF1";
    private static final WireMockServer STRIPE = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    private StripePaymentGateway gateway;

    @BeforeAll
    static void start() {
        STRIPE.start();
    }

    @AfterAll
    static void stop() {
        STRIPE.stop();
    }

    @BeforeEach
    void reset() {
        STRIPE.resetAll();
        gateway = new StripePaymentGateway(new StripeProperties(SECRET_KEY, "pk_test_51QxYz", "whsec_x",
                STRIPE.baseUrl(), false, null, null, null));
    }

    @Test
    void creatingAnIntentSendsPenceMetadataAndTheIdempotencyKeyAsStripeExpects() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(200, StripeWire.CREATED_INTENT)));

        Intent intent = gateway.createIntent(new CreateIntent(129999, "GBP", "Lomash Wood order LW-20260042",
                "jane@example.co.uk", Map.of("orderId", "6f1c2d3e-0000-4000-8000-000000000042", "orderNumber", "LW-20260042",
                "attemptNo", "1"), "pi-create:6f1c2d3e-0000-4000-8000-000000000042:1", "cus_QxYzCustomer01", true));

        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                .withHeader("Idempotency-Key", equalTo("pi-create:6f1c2d3e-0000-4000-8000-000000000042:1"))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withHeader("Stripe-Version", matching("\\d{4}-\\d{2}-\\d{2}.*"))
                .withFormParam("amount", equalTo("129999"))
                .withFormParam("currency", equalTo("gbp"))
                .withFormParam("description", equalTo("Lomash Wood order LW-20260042"))
                .withFormParam("receipt_email", equalTo("jane@example.co.uk"))
                .withFormParam("capture_method", equalTo("automatic"))
                .withFormParam("automatic_payment_methods[enabled]", equalTo("true"))
                .withFormParam("automatic_payment_methods[allow_redirects]", equalTo("never"))
                .withFormParam("statement_descriptor_suffix", equalTo("ORDER"))
                .withFormParam("metadata[orderId]", equalTo("6f1c2d3e-0000-4000-8000-000000000042"))
                .withFormParam("metadata[orderNumber]", equalTo("LW-20260042"))
                .withFormParam("metadata[attemptNo]", equalTo("1"))
                .withFormParam("customer", equalTo("cus_QxYzCustomer01"))
                .withFormParam("setup_future_usage", equalTo("off_session")));
        assertThat(intent.id()).isEqualTo(INTENT_ID);
        assertThat(intent.clientSecret()).isEqualTo(INTENT_ID + "_secret_kL9mN0pQ1rS2tU3vW4xY5z");
        assertThat(intent.status()).isEqualTo("requires_payment_method");
        assertThat(intent.amount()).isEqualTo(129999);
        assertThat(intent.currency()).isEqualTo("gbp");
        assertThat(intent.metadata()).containsEntry("orderNumber", "LW-20260042");
        assertThat(intent.latestCharge()).isEmpty();
        assertThat(intent.lastError()).isEmpty();
    }

    @Test
    void withoutACustomerNoCardIsKeptForLater() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(200, StripeWire.CREATED_INTENT)));

        gateway.createIntent(new CreateIntent(4999, "gbp", "Lomash Wood order LW-20260043", null, Map.of(), "pi-create:o:1", null, true));

        STRIPE.verify(postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withFormParam("customer", absent()).withFormParam("setup_future_usage", absent())
                .withFormParam("receipt_email", absent()));
    }

    @Test
    void retrievingExpandsTheLatestChargeAndMapsCardReceiptAndRefundedTotal() {
        STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + INTENT_ID))
                .willReturn(json(200, StripeWire.SUCCEEDED_INTENT_WITH_CHARGE.formatted("null"))));

        Intent intent = gateway.retrieveIntent(INTENT_ID);

        STRIPE.verify(getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + INTENT_ID))
                .withQueryParam("expand[0]", equalTo("latest_charge")));
        assertThat(intent.status()).isEqualTo("succeeded");
        PaymentGateway.Charge charge = intent.latestCharge().orElseThrow();
        assertThat(charge.id()).isEqualTo("ch_3QxYzA2eZvKYlo2C0chg0001");
        assertThat(charge.method()).isEqualTo("CARD");
        assertThat(charge.cardBrand()).isEqualTo("visa");
        assertThat(charge.cardLast4()).isEqualTo("4242");
        assertThat(charge.cardExpMonth()).isEqualTo(8);
        assertThat(charge.cardExpYear()).isEqualTo(2029);
        assertThat(charge.receiptUrl()).startsWith("https://pay.stripe.com/receipts/");
        assertThat(charge.amountCaptured()).isEqualTo(129999);
        assertThat(charge.amountRefunded()).isEqualTo(2500);
        assertThat(charge.paymentMethodId()).isEqualTo("pm_1QxYzA2eZvKYlo2CcardPM01");
    }

    @Test
    void aCardPaidThroughApplePayIsAWalletPayment() {
        STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + INTENT_ID)).willReturn(json(200,
                StripeWire.SUCCEEDED_INTENT_WITH_CHARGE.formatted("{\"type\": \"apple_pay\", \"apple_pay\": {}, \"dynamic_last4\": \"9999\"}"))));

        assertThat(gateway.retrieveIntent(INTENT_ID).latestCharge().orElseThrow().method()).isEqualTo("WALLET");
    }

    @Test
    void aDeclineIsReportedAsTheIntentsLastErrorNotAsAFailure() {
        STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_3QxYzA2eZvKYlo2C0declin1"))
                .willReturn(json(200, StripeWire.DECLINED_INTENT)));

        Intent intent = gateway.retrieveIntent("pi_3QxYzA2eZvKYlo2C0declin1");

        assertThat(intent.status()).isEqualTo("requires_payment_method");
        assertThat(intent.lastError()).contains(new PaymentGateway.LastError("card_declined", "insufficient_funds",
                "Your card has insufficient funds."));
    }

    @Test
    void cancellingCarriesItsOwnIdempotencyKey() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents/" + INTENT_ID + "/cancel")).willReturn(json(200, StripeWire.CANCELED_INTENT)));

        Intent intent = gateway.cancelIntent(INTENT_ID, "pi-cancel:0b7a0000-0000-4000-8000-0000000000bb");

        STRIPE.verify(postRequestedFor(urlEqualTo("/v1/payment_intents/" + INTENT_ID + "/cancel"))
                .withHeader("Idempotency-Key", equalTo("pi-cancel:0b7a0000-0000-4000-8000-0000000000bb"))
                .withFormParam("expand[0]", equalTo("latest_charge")));
        assertThat(intent.status()).isEqualTo("canceled");
    }

    @Test
    void aRefundIsCreatedAgainstTheIntentWithReasonMetadataAndKey() {
        STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(json(200, StripeWire.PENDING_REFUND)));

        PaymentGateway.Refund refund = gateway.createRefund(new CreateRefund(INTENT_ID, 2500, "requested_by_customer",
                Map.of("refundId", "0b7a0000-0000-4000-8000-0000000000aa", "orderId", "6f1c2d3e-0000-4000-8000-000000000042"),
                "refund:0b7a0000-0000-4000-8000-0000000000aa"));

        STRIPE.verify(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund:0b7a0000-0000-4000-8000-0000000000aa"))
                .withFormParam("payment_intent", equalTo(INTENT_ID))
                .withFormParam("amount", equalTo("2500"))
                .withFormParam("reason", equalTo("requested_by_customer"))
                .withFormParam("metadata[refundId]", equalTo("0b7a0000-0000-4000-8000-0000000000aa")));
        assertThat(refund).isEqualTo(new PaymentGateway.Refund("re_3QxYzA2eZvKYlo2C0rfnd001", INTENT_ID,
                "ch_3QxYzA2eZvKYlo2C0chg0001", 2500, "gbp", "pending", null,
                Map.of("refundId", "0b7a0000-0000-4000-8000-0000000000aa", "orderId", "6f1c2d3e-0000-4000-8000-000000000042")));
    }

    @Test
    void anInvalidRequestIsARejectionAndIsNotRetried() {
        STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(json(400, StripeWire.INVALID_REQUEST)));

        assertThatThrownBy(() -> gateway.createRefund(refundOf(0)))
                .isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.rejected()).isTrue())
                .hasMessageContaining("greater than or equal to 1");
        STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")));
    }

    @Test
    void aCardErrorOnARefundIsARejection() {
        STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(json(402, StripeWire.REFUND_CARD_ERROR)));

        assertThatThrownBy(() -> gateway.createRefund(refundOf(2500)))
                .isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.rejected()).isTrue());
    }

    @Test
    void aServerErrorIsRetriedWithTheSameKeyThenReportedAsAGatewayFailure() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(500, StripeWire.API_ERROR)));

        assertThatThrownBy(() -> gateway.createIntent(new CreateIntent(4999, "gbp", "d", null, Map.of(), "pi-create:o:2", null, false)))
                .isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.rejected()).isFalse());
        STRIPE.verify(1 + StripePaymentGateway.NETWORK_RETRIES, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("pi-create:o:2")));
    }

    @Test
    void aServerErrorFollowedBySuccessIsTransparentToTheCaller() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("flaky").willReturn(json(503, StripeWire.API_ERROR))
                .willSetStateTo("recovered"));
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(200, StripeWire.CREATED_INTENT)));

        assertThat(gateway.createIntent(new CreateIntent(129999, "gbp", "d", null, Map.of(), "pi-create:o:3", null, false)).id())
                .isEqualTo(INTENT_ID);
    }

    @Test
    void aBadKeyOrRateLimitIsAGatewayFailureNotARejection() {
        STRIPE.stubFor(get(urlPathEqualTo("/v1/refunds/re_1")).willReturn(json(401, StripeWire.AUTH_ERROR)));
        STRIPE.stubFor(get(urlPathEqualTo("/v1/refunds/re_2")).willReturn(json(429, """
                {"error": {"code": "rate_limit", "message": "Too many requests", "type": "invalid_request_error"}}""")));

        for (String id : new String[] {"re_1", "re_2"}) {
            assertThatThrownBy(() -> gateway.retrieveRefund(id))
                    .isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.rejected()).isFalse())
                    .message().doesNotContain(SECRET_KEY);
        }
    }

    @Test
    void anUnreachableStripeIsAGatewayFailure() {
        StripePaymentGateway unreachable = new StripePaymentGateway(new StripeProperties(SECRET_KEY, "pk", "whsec_x",
                "http://127.0.0.1:9", false, null, null, null));

        assertThatThrownBy(() -> unreachable.retrieveIntent(INTENT_ID))
                .isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.rejected()).isFalse());
    }

    @Test
    void liveModeFollowsTheKeyAndThePublishableKeyIsExposed() {
        assertThat(gateway.livemode()).isFalse();
        assertThat(gateway.publishableKey()).isEqualTo("pk_test_51QxYz");
        assertThat(new StripePaymentGateway(new StripeProperties("sk_live_abc", "pk_live_abc", "whsec_x", STRIPE.baseUrl(),
                false, null, null, null)).livemode()).isTrue();
    }

    private static CreateRefund refundOf(long amount) {
        return new CreateRefund(INTENT_ID, amount, null, Map.of(), "refund:test-" + amount);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_" + status).withBody(body);
    }
}
