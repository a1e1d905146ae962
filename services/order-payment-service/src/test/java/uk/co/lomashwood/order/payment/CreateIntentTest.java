package uk.co.lomashwood.order.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.platform.test.http.Reply;

class CreateIntentTest extends PaymentIntegrationTest {

    @Test
    void firstAttemptAsksStripeForTheOrderTotalInPenceWithItsOwnIdempotencyKey() {
        TestOrder order = order(UUID.randomUUID(), 123_456);

        var start = payments().startFirstAttempt(order.id());

        PaymentGateway.Intent intent = gateway.retrieveIntent(start.paymentIntentId());
        assertThat(intent.amount()).isEqualTo(123_456);
        assertThat(intent.currency()).isEqualTo("gbp");
        assertThat(intent.metadata()).containsEntry("orderId", order.id().toString())
                .containsEntry("orderNumber", order.number()).containsEntry("userId", order.userId().toString())
                .containsEntry("paymentId", start.paymentId().toString()).containsEntry("attemptNo", "1");
        assertThat(jdbc.sql("SELECT description || '|' || receipt_email || '|' || idempotency_key "
                + "FROM offline_payment_intents WHERE id = ?").param(intent.id()).query(String.class).single())
                .isEqualTo("Lomash Wood order " + order.number() + "|priya." + order.id().toString().substring(0, 8)
                        + "@example.com|pi-create:" + order.id() + ":1");
        assertThat(start.clientSecret()).isEqualTo(intent.clientSecret());
        assertThat(start.publishableKey()).isEqualTo("pk_test_offline");
        assertThat(jdbc.sql("SELECT stripe_idempotency_key FROM payments WHERE id = ?").param(start.paymentId())
                .query(String.class).single()).isEqualTo("pi-create:" + order.id() + ":1");
    }

    @Test
    void anAmountFieldIsRefusedByTheStrictSchema() {
        TestOrder order = order();

        Reply reply = createIntent(order.userId(), UUID.randomUUID().toString(),
                Map.of("orderId", order.id(), "amount", 0.30));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(attempts(order)).isZero();
    }

    @Test
    void aMissingIdempotencyKeyIsRefused() {
        TestOrder order = order();

        Reply reply = createIntent(order.userId(), null, Map.of("orderId", order.id()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void replayWithTheSameKeyReturnsTheSameResponseAndCreatesOneAttempt() {
        TestOrder order = order();
        String key = UUID.randomUUID().toString();

        Reply first = createIntent(order.userId(), key, Map.of("orderId", order.id()));
        Reply replay = createIntent(order.userId(), key, Map.of("orderId", order.id()));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.raw()).isEqualTo(first.raw());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(attempts(order)).isEqualTo(1);
        assertThat(first.data().get("amount").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(first.data().get("currency").asString()).isEqualTo("GBP");
        assertThat(first.data().get("clientSecret").asString()).isNotBlank();
    }

    @Test
    void theSameKeyWithAnotherOrderIsRefused() {
        TestOrder order = order();
        TestOrder other = order(order.userId(), 50_000);
        String key = UUID.randomUUID().toString();
        createIntent(order.userId(), key, Map.of("orderId", order.id()));

        Reply reply = createIntent(order.userId(), key, Map.of("orderId", other.id()));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_MISMATCH");
        assertThat(attempts(other)).isZero();
    }

    @Test
    void aLiveAttemptIsReturnedAgainWith200() {
        TestOrder order = order();
        String intent = firstAttempt(order);

        Reply reply = createIntent(order.userId(), order.id());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.data().get("paymentIntentId").asString()).isEqualTo(intent);
        assertThat(reply.data().get("attemptNo").asInt()).isEqualTo(1);
        assertThat(attempts(order)).isEqualTo(1);
    }

    @Test
    void afterADeclineTheOldIntentIsCancelledAndAttemptTwoOpens() {
        TestOrder order = order();
        String first = firstAttempt(order);
        confirmCard(order, first, "pm_card_chargeDeclinedInsufficientFunds");
        awaitAttempt(first, "FAILED");

        Reply reply = createIntent(order.userId(), order.id());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.data().get("attemptNo").asInt()).isEqualTo(2);
        assertThat(reply.data().get("paymentIntentId").asString()).isNotEqualTo(first);
        assertThat(gateway.retrieveIntent(first).status()).isEqualTo("canceled");
        assertThat(jdbc.sql("SELECT status || ':' || cancellation_source FROM payments WHERE stripe_payment_intent_id = ?")
                .param(first).query(String.class).single()).isEqualTo("CANCELLED:SYSTEM_RETRY");
        String paymentId = jdbc.sql("SELECT id::text FROM payments WHERE stripe_payment_intent_id = ?").param(first)
                .query(String.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM offline_webhook_deliveries WHERE event_type = 'payment_intent.canceled' "
                + "AND payload LIKE ?").param("%pi-cancel:" + paymentId + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRetryOnTheDeclinedIntentThatSucceededMeanwhileIsNotChargedTwice() {
        TestOrder order = order();
        String first = firstAttempt(order);
        confirmCard(order, first, "pm_card_chargeDeclined");
        awaitAttempt(first, "FAILED");
        providerSays(first, "succeeded", null);

        Reply reply = createIntent(order.userId(), order.id());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("PAYMENT_ALREADY_COMPLETED");
        assertThat(attemptStatus(first)).isEqualTo("SUCCEEDED");
        assertThat(orderState(order.id())).containsEntry("status", "CONFIRMED");
        assertThat(attempts(order)).isEqualTo(1);
    }

    @Test
    void aFourthAttemptIsRefused() {
        TestOrder order = order();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Reply opened = createIntent(order.userId(), order.id());
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            String intent = opened.data().get("paymentIntentId").asString();
            confirmCard(order, intent, "pm_card_chargeDeclined");
            awaitAttempt(intent, "FAILED");
        }

        Reply fourth = createIntent(order.userId(), order.id());

        assertThat(fourth.status()).as(fourth.toString()).isEqualTo(422);
        assertThat(fourth.code()).isEqualTo("PAYMENT_ATTEMPTS_EXCEEDED");
        assertThat(attempts(order)).isEqualTo(3);
        assertThat(outboxData("order.payment.failed", order.id())).contains("\"attemptNo\": 3", "\"canRetry\": false");
    }

    @Test
    void anotherCustomersOrderIsNotFound() {
        TestOrder order = order();

        Reply reply = createIntent(UUID.randomUUID(), order.id());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(attempts(order)).isZero();
    }

    @Test
    void aPaidOrderAndAnExpiredOrderCannotBePaidAgain() {
        TestOrder paid = order();
        pay(paid);
        TestOrder expired = order();
        jdbc.sql("UPDATE orders SET expires_at = now() - interval '1 minute' WHERE id = ?").param(expired.id()).update();

        Reply again = createIntent(paid.userId(), paid.id());
        Reply late = createIntent(expired.userId(), expired.id());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PAYMENT_ALREADY_COMPLETED");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("ORDER_NOT_PAYABLE");
    }

    @Test
    void theEleventhCreateIntentWithinAMinuteIsRateLimited() throws InterruptedException {
        while (java.time.Instant.now().getEpochSecond() % 60 > 45) {
            Thread.sleep(500); // the limit counts per clock minute: start all eleven inside one
        }
        UUID customer = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            assertThat(createIntent(customer, UUID.randomUUID()).status()).isEqualTo(404);
        }

        Reply eleventh = createIntent(customer, UUID.randomUUID());

        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.code()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(eleventh.header("Retry-After")).isNotNull();
    }

    private long attempts(TestOrder order) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE order_id = ?").param(order.id()).query(Long.class).single();
    }
}
