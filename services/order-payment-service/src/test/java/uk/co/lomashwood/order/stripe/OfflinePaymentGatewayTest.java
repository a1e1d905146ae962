package uk.co.lomashwood.order.stripe;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfflinePaymentGatewayTest extends OfflineStripeTest {

    private final UUID customer = UUID.randomUUID();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OfflineWebhookDeliveries deliveries;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired
    StripeProperties properties;

    @Test
    void withoutASecretKeyTheOfflineProviderStandsIn() {
        assertThat(gateway).isInstanceOf(OfflinePaymentGateway.class);
        assertThat(verifier).isInstanceOf(StripeWebhookSignatures.class);
        assertThat(gateway.livemode()).isFalse();
        assertThat(gateway.publishableKey()).isEqualTo("pk_test_offline");
    }

    @Test
    void creatingAnIntentTwiceWithTheSameKeyGivesTheSameStripeShapedIntent() {
        PaymentGateway.CreateIntent create = new PaymentGateway.CreateIntent(4999, "GBP", "Lomash Wood order LW-20260001",
                "jane@example.co.uk", Map.of("orderId", "o-1"), "pi-create:" + UUID.randomUUID() + ":1", null, false);

        PaymentGateway.Intent first = gateway.createIntent(create);
        PaymentGateway.Intent again = gateway.createIntent(create);

        assertThat(first.id()).matches("pi_[A-Za-z0-9]{24}");
        assertThat(first.clientSecret()).matches(first.id() + "_secret_[A-Za-z0-9]{25}");
        assertThat(first.status()).isEqualTo("requires_payment_method");
        assertThat(first.currency()).isEqualTo("gbp");
        assertThat(again).isEqualTo(first);
        assertThat(gateway.retrieveIntent(first.id())).isEqualTo(first);
        assertThat(awaitEvent(first.id(), "payment_intent.created").object().get("amount").asLong()).isEqualTo(4999);
    }

    @Test
    void concurrentCreatesWithOneKeyMakeOneIntent() throws Exception {
        PaymentGateway.CreateIntent create = new PaymentGateway.CreateIntent(4999, "gbp", "d", null, Map.of(),
                "pi-create:" + UUID.randomUUID() + ":1", null, false);
        List<java.util.concurrent.Callable<PaymentGateway.Intent>> calls = java.util.Collections.nCopies(8, () -> gateway.createIntent(create));

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<String> ids = pool.invokeAll(calls).stream().map(f -> {
                try {
                    return f.get().id();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).distinct().toList();
            assertThat(ids).hasSize(1);
        }
    }

    @Test
    void reusingAKeyWithADifferentAmountIsRefusedLikeStripe() {
        String key = "pi-create:" + UUID.randomUUID() + ":1";
        gateway.createIntent(new PaymentGateway.CreateIntent(4999, "gbp", "d", null, Map.of(), key, null, false));

        assertThatThrownBy(() -> gateway.createIntent(new PaymentGateway.CreateIntent(5999, "gbp", "d", null, Map.of(), key, null, false)))
                .isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.rejected()).isTrue());
    }

    @Test
    void payingWithTheVisaTestCardSucceedsAndStripeSignedEventsArrive() {
        PaymentGateway.Intent intent = newIntent(129999);

        Reply reply = confirm(customer, intent.id(), intent.clientSecret(), "pm_card_visa");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.data().get("status").asString()).isEqualTo("succeeded");
        assertThat(reply.data().get("amount").decimalValue()).isEqualByComparingTo("1299.99");
        assertThat(reply.data().get("requiresAction").asBoolean()).isFalse();
        PaymentGateway.Charge charge = gateway.retrieveIntent(intent.id()).latestCharge().orElseThrow();
        assertThat(charge.id()).matches("ch_[A-Za-z0-9]{24}");
        assertThat(charge.method()).isEqualTo("CARD");
        assertThat(charge.cardBrand()).isEqualTo("visa");
        assertThat(charge.cardLast4()).isEqualTo("4242");
        assertThat(charge.amountCaptured()).isEqualTo(129999);
        assertThat(charge.receiptUrl()).isNotBlank();

        StripeEvent succeeded = awaitEvent(intent.id(), "payment_intent.succeeded");
        assertThat(succeeded.id()).matches("evt_[A-Za-z0-9]{24}");
        assertThat(succeeded.apiVersion()).isEqualTo("2024-06-20");
        assertThat(succeeded.livemode()).isFalse();
        assertThat(succeeded.object().get("object").asString()).isEqualTo("payment_intent");
        assertThat(succeeded.object().get("status").asString()).isEqualTo("succeeded");
        assertThat(succeeded.object().get("latest_charge").asString()).isEqualTo(charge.id());
        assertThat(succeeded.object().get("metadata").get("attemptNo").asString()).isEqualTo("1");
        JsonNode envelope = json(succeeded.rawJson());
        assertThat(envelope.get("object").asString()).isEqualTo("event");
        assertThat(envelope.get("pending_webhooks").asInt()).isEqualTo(1);
        assertThat(envelope.has("request")).isTrue();
        JsonNode card = awaitEvent(intent.id(), "charge.succeeded").object().get("payment_method_details").get("card");
        assertThat(card.get("brand").asString()).isEqualTo("visa");
        assertThat(card.get("last4").asString()).isEqualTo("4242");
    }

    @Test
    void aDeliveredWebhookVerifiesButTheSamePayloadTamperedDoesNot() {
        PaymentGateway.Intent intent = newIntent(5000);
        confirm(customer, intent.id(), intent.clientSecret(), "pm_card_mastercard");
        awaitEvent(intent.id(), "payment_intent.succeeded");
        LoggedRequest delivered = deliveriesAbout(intent.id()).stream()
                .filter(r -> r.getBodyAsString().contains("\"payment_intent.succeeded\"")).findFirst().orElseThrow();

        assertThat(delivered.getHeader("Content-Type")).startsWith("application/json");
        assertThat(delivered.getHeader("Stripe-Signature")).matches("t=\\d+,v1=[0-9a-f]{64}");
        byte[] tampered = delivered.getBodyAsString().replace("\"amount\":5000", "\"amount\":1")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(delivered.getBody());
        assertThatThrownBy(() -> verifier.verify(tampered, delivered.getHeader("Stripe-Signature")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_WEBHOOK_SIGNATURE));
    }

    @Test
    void theServicesOwnWebhookEndpointTakesTheDeliveryForStripes() {
        PaymentGateway.Intent intent = newIntent(4999);
        awaitEvent(intent.id(), "payment_intent.created");
        LoggedRequest delivered = deliveriesAbout(intent.id()).getFirst();
        Map<String, String> asStripeSendsIt = Map.of("Content-Type", delivered.getHeader("Content-Type"),
                "Stripe-Signature", delivered.getHeader("Stripe-Signature"));
        String url = "http://127.0.0.1:" + port + WEBHOOK_PATH;

        Reply first = HttpCalls.send(url, asStripeSendsIt, "POST", delivered.getBodyAsString());
        Reply again = HttpCalls.send(url, asStripeSendsIt, "POST", delivered.getBodyAsString());
        Reply tampered = HttpCalls.send(url, asStripeSendsIt, "POST", delivered.getBodyAsString().replace("4999", "1"));

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.data().get("received").asBoolean()).isTrue();
        assertThat(again.data().get("duplicate").asBoolean()).isTrue();
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.code()).isEqualTo("INVALID_WEBHOOK_SIGNATURE");
        String eventId = json(delivered.getBodyAsString()).get("id").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_events WHERE event_id = ?").param(eventId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aDeclinedCardLeavesTheIntentAwaitingAnotherPaymentMethod() {
        PaymentGateway.Intent intent = newIntent(4999);

        Reply reply = confirm(customer, intent.id(), intent.clientSecret(), "pm_card_chargeDeclinedInsufficientFunds");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().get("status").asString()).isEqualTo("requires_payment_method");
        assertThat(reply.data().get("lastPaymentError").get("declineCode").asString()).isEqualTo("insufficient_funds");
        PaymentGateway.Intent after = gateway.retrieveIntent(intent.id());
        assertThat(after.lastError()).contains(new PaymentGateway.LastError("card_declined", "insufficient_funds",
                "Your card has insufficient funds."));
        JsonNode error = awaitEvent(intent.id(), "payment_intent.payment_failed").object().get("last_payment_error");
        assertThat(error.get("code").asString()).isEqualTo("card_declined");
        assertThat(error.get("decline_code").asString()).isEqualTo("insufficient_funds");
        assertThat(error.get("type").asString()).isEqualTo("card_error");

        Reply retried = confirm(customer, intent.id(), intent.clientSecret(), "pm_card_visa");
        assertThat(retried.data().get("status").asString()).isEqualTo("succeeded");
        assertThat(gateway.retrieveIntent(intent.id()).lastError()).isEmpty();
    }

    @Test
    void aGenericDeclineCarriesStripesDeclineCode() {
        PaymentGateway.Intent intent = newIntent(4999);

        Reply reply = confirm(customer, intent.id(), intent.clientSecret(), "pm_card_chargeDeclined");

        assertThat(reply.data().get("lastPaymentError").get("declineCode").asString()).isEqualTo("generic_decline");
        assertThat(awaitEvent(intent.id(), "charge.failed").object().get("status").asString()).isEqualTo("failed");
    }

    @Test
    void aCardNeedingAuthenticationRequiresActionUntilTheChallengeIsCompleted() {
        PaymentGateway.Intent intent = newIntent(4999);

        Reply first = confirm(customer, intent.id(), intent.clientSecret(), "pm_card_authenticationRequired");

        assertThat(first.data().get("status").asString()).isEqualTo("requires_action");
        assertThat(first.data().get("requiresAction").asBoolean()).isTrue();
        awaitEvent(intent.id(), "payment_intent.requires_action");
        Reply completed = confirm(customer, intent.id(), intent.clientSecret(), "pm_card_authenticationRequired");
        assertThat(completed.data().get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void theClientSecretIsTheProofOfOwnership() {
        PaymentGateway.Intent intent = newIntent(4999);

        Reply wrongSecret = confirm(customer, intent.id(), intent.id() + "_secret_notTheRightOne", "pm_card_visa");
        Reply unknown = confirm(customer, "pi_doesNotExist", intent.clientSecret(), "pm_card_visa");
        Reply anonymous = confirm(null, intent.id(), intent.clientSecret(), "pm_card_visa");

        assertThat(wrongSecret.status()).isEqualTo(404);
        assertThat(wrongSecret.code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(unknown.code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(gateway.retrieveIntent(intent.id()).status()).isEqualTo("requires_payment_method");
    }

    @Test
    void onlyStripesTestPaymentMethodsAreAccepted() {
        PaymentGateway.Intent intent = newIntent(4999);

        Reply reply = confirm(customer, intent.id(), intent.clientSecret(), "pm_card_amex_stolen");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void aPaidIntentCannotBePaidAgainNorCancelled() {
        PaymentGateway.Intent intent = newIntent(4999);
        confirm(customer, intent.id(), intent.clientSecret(), "pm_card_visa");

        Reply again = confirm(customer, intent.id(), intent.clientSecret(), "pm_card_visa");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PAYMENT_ALREADY_COMPLETED");
        assertThatThrownBy(() -> gateway.cancelIntent(intent.id(), "pi-cancel:" + UUID.randomUUID()))
                .isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.rejected()).isTrue());
    }

    @Test
    void cancellingAnOpenIntentEmitsPaymentIntentCanceled() {
        PaymentGateway.Intent intent = newIntent(4999);
        String key = "pi-cancel:" + UUID.randomUUID();

        assertThat(gateway.cancelIntent(intent.id(), key).status()).isEqualTo("canceled");
        assertThat(gateway.cancelIntent(intent.id(), key).status()).isEqualTo("canceled");

        StripeEvent canceled = awaitEvent(intent.id(), "payment_intent.canceled");
        assertThat(json(canceled.rawJson()).get("request").get("idempotency_key").asString()).isEqualTo(key);
        assertThat(confirm(customer, intent.id(), intent.clientSecret(), "pm_card_visa").code()).isEqualTo("INVALID_STATUS_TRANSITION");
    }

    @Test
    void aRefundIsPendingThenSucceedsAndTheChargeShowsTheRefundedTotal() {
        PaymentGateway.Intent intent = newIntent(10000);
        confirm(customer, intent.id(), intent.clientSecret(), "pm_card_visa");
        String key = "refund:" + UUID.randomUUID();
        PaymentGateway.CreateRefund request = new PaymentGateway.CreateRefund(intent.id(), 2500, "requested_by_customer",
                Map.of("refundId", "r-1"), key);

        PaymentGateway.Refund refund = gateway.createRefund(request);

        assertThat(refund.id()).matches("re_[A-Za-z0-9]{24}");
        assertThat(refund.status()).isEqualTo("pending");
        assertThat(refund.amount()).isEqualTo(2500);
        assertThat(refund.chargeId()).isEqualTo(gateway.retrieveIntent(intent.id()).latestCharge().orElseThrow().id());
        assertThat(gateway.createRefund(request)).isEqualTo(refund);
        assertThatThrownBy(() -> gateway.createRefund(new PaymentGateway.CreateRefund(intent.id(), 7501, null, Map.of(),
                "refund:" + UUID.randomUUID()))).isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.rejected()).isTrue());

        List<StripeEvent> events = awaitEvents(refund.id(), es -> es.stream().anyMatch(e -> e.type().equals("refund.updated")));
        assertThat(events).extracting(StripeEvent::type).containsSubsequence("refund.created", "charge.refunded", "refund.updated");
        JsonNode charge = events.stream().filter(e -> e.type().equals("charge.refunded")).findFirst().orElseThrow().object();
        assertThat(charge.get("amount_refunded").asLong()).isEqualTo(2500);
        assertThat(charge.get("refunded").asBoolean()).isFalse();
        assertThat(charge.get("refunds").get("data").get(0).get("id").asString()).isEqualTo(refund.id());
        assertThat(charge.get("refunds").get("data").get(0).get("status").asString()).isEqualTo("succeeded");
        assertThat(gateway.retrieveRefund(refund.id()).status()).isEqualTo("succeeded");
        assertThat(gateway.retrieveIntent(intent.id()).latestCharge().orElseThrow().amountRefunded()).isEqualTo(2500);
    }

    @Test
    void aRestartedProviderStillKnowsItsIntentsAndTheirKeys() {
        PaymentGateway.Intent intent = newIntent(4999);
        confirm(customer, intent.id(), intent.clientSecret(), "pm_card_visa");

        OfflinePaymentGateway restarted = new OfflinePaymentGateway(new OfflineStripeStore(jdbc), deliveries, transactions,
                java.time.Clock.systemUTC(), properties, () -> { });

        assertThat(restarted.retrieveIntent(intent.id()).status()).isEqualTo("succeeded");
        assertThat(restarted.retrieveIntent(intent.id()).latestCharge()).isPresent();
        assertThat(restarted.createIntent(new PaymentGateway.CreateIntent(4999, "gbp", "d", null, Map.of(),
                "pi-create:" + intent.metadata().get("orderId") + ":1", null, false)).id())
                .isEqualTo(intent.id());
    }

    @Test
    void anUnpaidIntentCannotBeRefunded() {
        PaymentGateway.Intent intent = newIntent(4999);

        assertThatThrownBy(() -> gateway.createRefund(new PaymentGateway.CreateRefund(intent.id(), 100, null, Map.of(),
                "refund:" + UUID.randomUUID()))).isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.rejected()).isTrue());
    }

    @Test
    void aDeliveryAnswered500IsRetriedUntilTheReceiverAcceptsIt() {
        PaymentGateway.Intent intent = newIntent(4999);
        RECEIVER.stubFor(post(urlEqualTo(WEBHOOK_PATH)).atPriority(1).inScenario(intent.id())
                .withRequestBody(containing(intent.id())).willReturn(aResponse().withStatus(500))
                .willSetStateTo("recovered"));
        RECEIVER.stubFor(post(urlEqualTo(WEBHOOK_PATH)).atPriority(1).inScenario(intent.id()).whenScenarioStateIs("recovered")
                .withRequestBody(containing(intent.id())).willReturn(aResponse().withStatus(200)));
        confirm(customer, intent.id(), intent.clientSecret(), "pm_card_visa");

        // whichever event about the intent reached the receiver first was answered 500: it must come again, same id
        List<StripeEvent> received = awaitEvents(intent.id(), events -> events.stream().map(StripeEvent::id).distinct().count()
                < events.size());
        String retried = received.stream().map(StripeEvent::id)
                .filter(id -> received.stream().filter(e -> e.id().equals(id)).count() == 2).findFirst().orElseThrow();
        awaitDelivered(retried);
        assertThat(jdbc.sql("SELECT attempts FROM offline_webhook_deliveries WHERE event_id = ?").param(retried)
                .query(Integer.class).single()).isEqualTo(2);
    }

    private void awaitDelivered(String eventId) {
        for (int i = 0; i < 100; i++) {
            Boolean delivered = jdbc.sql("SELECT delivered_at IS NOT NULL FROM offline_webhook_deliveries WHERE event_id = ?")
                    .param(eventId).query(Boolean.class).single();
            if (delivered) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError(eventId + " was never delivered");
    }
}
