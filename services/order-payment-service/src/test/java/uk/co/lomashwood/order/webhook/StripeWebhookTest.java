package uk.co.lomashwood.order.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.co.lomashwood.order.payment.PaymentIntegrationTest;
import uk.co.lomashwood.order.payment.StripeSignatures;
import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;

class StripeWebhookTest extends PaymentIntegrationTest {

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void theSameSucceededEventDeliveredFiftyTimesAtOnceConfirmsTheOrderOnce() throws Exception {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "succeeded", null);
        String payload = intentEvent("payment_intent.succeeded", intent);

        List<Reply> replies = concurrently(50, () -> deliver(payload));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(replies.stream().filter(r -> !r.data().has("duplicate")).count()).isEqualTo(1);
        assertThat(orderState(order.id())).containsEntry("status", "CONFIRMED").containsEntry("paymentStatus", "PAID")
                .containsEntry("amountPaid", order.total());
        assertThat(history(order.id(), "status", "CONFIRMED")).isEqualTo(1);
        assertThat(outbox("order.confirmed", order.id())).isEqualTo(1);
        assertThat(outbox("order.payment.succeeded", order.id())).isEqualTo(1);
        assertThat(invoices(order.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM payment_transactions t JOIN payments p ON p.id = t.payment_id "
                + "WHERE p.order_id = ? AND t.type = 'CAPTURE'").param(order.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theProvidersOwnEventRedeliveredFiftyTimesChangesNothingMore() throws Exception {
        TestOrder order = order();
        String intent = pay(order);
        awaitDelivered(intent, "payment_intent.succeeded");
        String original = jdbc.sql("SELECT payload FROM offline_webhook_deliveries "
                + "WHERE event_type = 'payment_intent.succeeded' AND payload LIKE ?").param("%" + intent + "%")
                .query(String.class).single();

        List<Reply> replies = concurrently(50, () -> deliver(original));

        assertThat(replies).allSatisfy(r -> assertThat(r.data().get("duplicate").asBoolean()).as(r.toString()).isTrue());
        assertThat(history(order.id(), "status", "CONFIRMED")).isEqualTo(1);
        assertThat(outbox("order.confirmed", order.id())).isEqualTo(1);
        assertThat(invoices(order.id())).isEqualTo(1);
    }

    @Test
    void differentEventsForTheSamePaymentRacingStillConfirmOnce() throws Exception {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "succeeded", null);

        List<Reply> replies = concurrently(20, () -> deliver(intentEvent("payment_intent.succeeded", intent)));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(history(order.id(), "status", "CONFIRMED")).isEqualTo(1);
        assertThat(outbox("order.confirmed", order.id())).isEqualTo(1);
        assertThat(invoices(order.id())).isEqualTo(1);
    }

    @Test
    void confirmationCarriesWhatTheReceiptAndStockCommitNeed() {
        TestOrder order = order();

        String intent = pay(order);

        String confirmed = outboxData("order.confirmed", order.id());
        assertThat(confirmed).contains("\"orderNumber\": \"" + order.number() + "\"", "\"status\": \"CONFIRMED\"",
                "\"totalAmount\": 1200.00", "\"currency\": \"GBP\"", "\"firstName\": \"Priya\"",
                "\"lastName\": \"Shah\"", "\"postcode\": \"LS1 4AB\"", "\"confirmedAt\"", "\"paymentId\"",
                "\"category\": \"KITCHEN\"", "\"includesKitchen\": true");
        String succeeded = outboxData("order.payment.succeeded", order.id());
        assertThat(succeeded).contains("\"stripePaymentIntentId\": \"" + intent + "\"", "\"cardBrand\": \"visa\"",
                "\"cardLast4\": \"4242\"", "\"amount\": 1200.00", "\"invoiceId\"", "\"paidAt\"");
        assertThat(jdbc.sql("SELECT card_brand || ' ' || card_last4 || ' ' || method FROM payments "
                + "WHERE stripe_payment_intent_id = ?").param(intent).query(String.class).single())
                .isEqualTo("visa 4242 CARD");
    }

    @Test
    void eventsArrivingAfterTheSuccessAreIgnored() {
        TestOrder order = order();
        String intent = pay(order);
        String lateFailure = event("payment_intent.payment_failed", Map.of("id", intent, "object", "payment_intent",
                "last_payment_error", Map.of("code", "card_declined", "decline_code", "generic_decline")));

        Reply reply = deliver(lateFailure);
        for (String stale : List.of("payment_intent.processing", "payment_intent.requires_action",
                "payment_intent.canceled")) {
            assertThat(deliver(intentEvent(stale, intent)).status()).isEqualTo(200);
        }

        assertThat(reply.status()).isEqualTo(200);
        assertThat(orderState(order.id())).containsEntry("status", "CONFIRMED").containsEntry("paymentStatus", "PAID");
        assertThat(attemptStatus(intent)).isEqualTo("SUCCEEDED");
        assertThat(outbox("order.payment.failed", order.id())).isZero();
        assertThat(outbox("order.cancelled", order.id())).isZero();
    }

    @Test
    void aTamperedSignatureIsRefusedAndChangesNothing() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "succeeded", null);
        String payload = intentEvent("payment_intent.succeeded", intent);
        long now = Instant.now().getEpochSecond();

        Reply wrongSecret = deliverSigned(payload, StripeSignatures.header("whsec_attacker", now, payload));
        Reply tamperedBody = deliverSigned(payload.replace("\"livemode\":false", "\"livemode\":false "),
                StripeSignatures.header(webhookSecret, now, payload));
        Reply stale = deliverSigned(payload, StripeSignatures.header(webhookSecret, now - 600, payload));
        Reply missing = deliverSigned(payload, null);

        for (Reply reply : List.of(wrongSecret, tamperedBody, stale, missing)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("INVALID_WEBHOOK_SIGNATURE");
        }
        assertThat(orderState(order.id())).containsEntry("status", "PENDING").containsEntry("paymentStatus", "UNPAID");
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_events WHERE payload ->> 'id' = ?")
                .param(eventIdOf(payload)).query(Long.class).single()).isZero();
    }

    @Test
    void stripeReachesTheWebhookWithoutTheInternalTokenThatEveryOtherPathNeeds() {
        String payload = event("customer.created", Map.of("id", "cus_1", "object", "customer"));

        Reply webhook = deliver(payload);
        Reply payments = HttpCalls.send("http://127.0.0.1:" + port + "/v1/payments/order/" + UUID.randomUUID(),
                Map.of("X-User-Id", UUID.randomUUID().toString(), "X-User-Role", "CUSTOMER"), "GET", null);

        assertThat(webhook.status()).isEqualTo(200);
        assertThat(payments.status()).isEqualTo(401);
    }

    @Test
    void anIntentWhoseIdWasNeverStoredIsRecognisedByItsPaymentId() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        jdbc.sql("UPDATE payments SET stripe_payment_intent_id = NULL WHERE stripe_payment_intent_id = ?").param(intent)
                .update();
        providerSays(intent, "succeeded", null);

        deliver(intentEvent("payment_intent.succeeded", intent));

        assertThat(attemptStatus(intent)).isEqualTo("SUCCEEDED");
        assertThat(orderState(order.id())).containsEntry("status", "CONFIRMED");
    }

    @Test
    void aSignedBodyThatIsNotJsonIsAValidationError() {
        Reply reply = deliver("{not json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void aCapturedAmountThatDiffersFromTheOrderTotalLeavesTheOrderPendingAndFlagsThePayment() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        jdbc.sql("UPDATE offline_payment_intents SET amount = 30 WHERE id = ?").param(intent).update();

        assertThat(confirmCard(order, intent, "pm_card_visa").status()).isEqualTo(200);
        awaitDelivered(intent, "payment_intent.succeeded");

        assertThat(orderState(order.id())).containsEntry("status", "PENDING").containsEntry("paymentStatus", "UNPAID")
                .containsEntry("amountPaid", 0L);
        assertThat(jdbc.sql("SELECT metadata ->> 'reviewReason' FROM payments WHERE stripe_payment_intent_id = ?")
                .param(intent).query(String.class).single()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(outbox("order.confirmed", order.id())).isZero();
        assertThat(invoices(order.id())).isZero();
    }

    @Test
    void aDeclineMarksTheAttemptFailedAndTellsTheCustomerTheyCanRetry() {
        TestOrder order = order();
        String intent = firstAttempt(order);

        confirmCard(order, intent, "pm_card_chargeDeclinedInsufficientFunds");
        awaitDelivered(intent, "payment_intent.payment_failed");

        assertThat(orderState(order.id())).containsEntry("status", "PENDING").containsEntry("paymentStatus", "FAILED");
        assertThat(jdbc.sql("SELECT status || ':' || failure_code || ':' || failure_message FROM payments "
                + "WHERE stripe_payment_intent_id = ?").param(intent).query(String.class).single())
                .isEqualTo("FAILED:insufficient_funds:Your card has insufficient funds.");
        assertThat(outboxData("order.payment.failed", order.id())).contains("\"canRetry\": true", "\"attemptNo\": 1",
                "\"failureCode\": \"insufficient_funds\"");
    }

    @Test
    void processingAndRequiresActionOnlyMoveForward() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        confirmCard(order, intent, "pm_card_authenticationRequired");
        awaitAttempt(intent, "REQUIRES_ACTION");

        providerSays(intent, "processing", null);
        deliver(intentEvent("payment_intent.processing", intent));
        assertThat(attemptStatus(intent)).isEqualTo("PROCESSING");
        assertThat(orderState(order.id())).containsEntry("paymentStatus", "PROCESSING");

        providerSays(intent, "requires_action", null);
        deliver(intentEvent("payment_intent.requires_action", intent));
        assertThat(attemptStatus(intent)).isEqualTo("PROCESSING");
    }

    @Test
    void stripeCancellingTheOnlyLiveIntentCancelsThePendingOrder() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "canceled", "abandoned");

        deliver(intentEvent("payment_intent.canceled", intent));

        assertThat(orderState(order.id())).containsEntry("status", "CANCELLED");
        assertThat(jdbc.sql("SELECT cancellation_reason FROM orders WHERE id = ?").param(order.id())
                .query(String.class).single()).isEqualTo("PAYMENT_TIMEOUT");
        assertThat(outboxData("order.cancelled", order.id())).contains("\"previousStatus\": \"PENDING\"",
                "\"initiator\": \"SYSTEM\"", "\"refundInitiated\": false");
    }

    @Test
    void ourOwnCancellationLeavesTheOrderAlone() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        payments().cancelOpenAttempts(order.id(), "CUSTOMER");

        awaitDelivered(intent, "payment_intent.canceled");

        assertThat(attemptStatus(intent)).isEqualTo("CANCELLED");
        assertThat(orderState(order.id())).containsEntry("status", "PENDING");
        assertThat(outbox("order.cancelled", order.id())).isZero();
    }

    @Test
    void expiryFindsAPaymentThatSucceededWithoutItsWebhookAndConfirmsInsteadOfCancelling() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "succeeded", null);

        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> payments().cancelOpenAttempts(order.id(), "EXPIRY"));

        assertThat(attemptStatus(intent)).isEqualTo("SUCCEEDED");
        assertThat(orderState(order.id())).containsEntry("status", "CONFIRMED").containsEntry("paymentStatus", "PAID");
    }

    @Test
    void aCustomerCancellationLeavesAPaidIntentToItsWebhook() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "succeeded", null);

        payments().cancelOpenAttempts(order.id(), "CUSTOMER");

        assertThat(gateway.retrieveIntent(intent).status()).isEqualTo("succeeded");
        assertThat(attemptStatus(intent)).isEqualTo("PENDING");
        assertThat(orderState(order.id())).containsEntry("status", "PENDING");
    }

    @Test
    void aPaymentThatSucceedsOnACancelledOrderIsRecordedAndRefundedInFull() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        jdbc.sql("UPDATE orders SET status = 'CANCELLED' WHERE id = ?").param(order.id()).update();

        confirmCard(order, intent, "pm_card_visa");
        awaitDelivered(intent, "payment_intent.succeeded");

        assertThat(outbox("order.payment.succeeded", order.id())).isEqualTo(1);
        assertThat(outbox("order.confirmed", order.id())).isZero();
        assertThat(jdbc.sql("SELECT reason || ':' || initiator || ':' || amount FROM refunds WHERE order_id = ?")
                .param(order.id()).query(String.class).single()).isEqualTo("ORDER_CANCELLED:SYSTEM:" + order.total());
        awaitOrder(order.id(), "paymentStatus", "REFUNDED");
        assertThat(orderState(order.id())).containsEntry("status", "CANCELLED");
    }

    @Test
    void unhandledTypesAreAcknowledgedAndStoredAsIgnored() {
        String payload = event("customer.subscription.created", Map.of("id", "sub_123", "object", "subscription"));

        Reply reply = deliver(payload);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().get("ignored").asBoolean()).isTrue();
        String eventId = eventIdOf(payload);
        assertThat(jdbc.sql("SELECT status FROM webhook_events WHERE event_id = ?").param(eventId)
                .query(String.class).single()).isEqualTo("IGNORED");
    }

    @Test
    void anEventOfTheOtherStripeModeIsIgnoredWithoutBeingStored() {
        String payload = event("payment_intent.succeeded", Map.of("id", "pi_live", "object", "payment_intent"))
                .replace("\"livemode\":false", "\"livemode\":true");

        Reply reply = deliver(payload);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().get("ignored").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_events WHERE event_id = ?")
                .param(eventIdOf(payload)).query(Long.class).single()).isZero();
    }

    @Test
    void aRefundMadeInTheStripeDashboardIsRecordedAndSettledFromItsWebhooks() {
        TestOrder order = order();
        String intent = pay(order);

        PaymentGateway.Refund refund = gateway.createRefund(new PaymentGateway.CreateRefund(intent, 5_000,
                "requested_by_customer", Map.of(), "refund:" + UUID.randomUUID()));

        awaitOrder(order.id(), "paymentStatus", "PARTIALLY_REFUNDED");
        assertThat(jdbc.sql("SELECT status || ':' || initiator || ':' || reason || ':' || amount FROM refunds "
                + "WHERE stripe_refund_id = ?").param(refund.id()).query(String.class).single())
                .isEqualTo("SUCCEEDED:ADMIN:OTHER:5000");
        assertThat(jdbc.sql("SELECT amount_refunded FROM payments WHERE stripe_payment_intent_id = ?").param(intent)
                .query(Long.class).single()).isEqualTo(5_000);
        awaitDelivered(intent, "charge.refunded");
        String eventId = jdbc.sql("SELECT event_id FROM webhook_events WHERE event_type = 'charge.refunded' "
                + "AND payload -> 'data' -> 'object' ->> 'payment_intent' = ?").param(intent).query(String.class).single();
        assertThat(jdbc.sql("SELECT status FROM webhook_events WHERE event_id = ?").param(eventId)
                .query(String.class).single()).isEqualTo("PROCESSED");
    }

    @Test
    void aDisputeMarksThePaymentDisputedAndALostOneEndsChargedBack() {
        TestOrder order = order();
        String intent = pay(order);
        Map<String, Object> dispute = Map.of("id", "dp_" + intent.substring(3), "object", "dispute",
                "charge", chargeOf(intent), "payment_intent", intent, "amount", order.total(),
                "reason", "fraudulent", "status", "needs_response",
                "evidence_details", Map.of("due_by", Instant.now().plusSeconds(864_000).getEpochSecond()));

        deliver(event("charge.dispute.created", dispute));
        deliver(event("charge.dispute.created", dispute));

        assertThat(orderState(order.id())).containsEntry("paymentStatus", "DISPUTED");
        assertThat(attemptStatus(intent)).isEqualTo("DISPUTED");
        assertThat(outbox("order.payment.dispute_opened", order.id())).isEqualTo(1);
        assertThat(outboxData("order.payment.dispute_opened", order.id())).contains("\"reason\": \"fraudulent\"",
                "\"evidenceDueBy\"");

        Map<String, Object> lost = new java.util.HashMap<>(dispute);
        lost.put("status", "lost");
        deliver(event("charge.dispute.closed", lost));

        assertThat(orderState(order.id())).containsEntry("paymentStatus", "CHARGED_BACK");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_transactions t JOIN payments p ON p.id = t.payment_id "
                + "WHERE p.order_id = ? AND t.type = 'CHARGEBACK'").param(order.id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aWonDisputeRestoresThePaymentStatus() {
        TestOrder order = order();
        String intent = pay(order);
        Map<String, Object> dispute = new java.util.HashMap<>(Map.of("id", "dp_w" + intent.substring(4),
                "object", "dispute", "charge", chargeOf(intent), "amount", order.total(),
                "reason", "product_not_received", "status", "needs_response"));
        deliver(event("charge.dispute.created", dispute));

        dispute.put("status", "won");
        deliver(event("charge.dispute.closed", dispute));

        assertThat(orderState(order.id())).containsEntry("paymentStatus", "PAID");
        assertThat(attemptStatus(intent)).isEqualTo("SUCCEEDED");
    }

    private String chargeOf(String intent) {
        return jdbc.sql("SELECT stripe_charge_id FROM payments WHERE stripe_payment_intent_id = ?").param(intent)
                .query(String.class).single();
    }

    private static List<Reply> concurrently(int times, Callable<Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
