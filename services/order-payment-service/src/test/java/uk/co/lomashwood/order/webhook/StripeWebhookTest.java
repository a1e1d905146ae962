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

import uk.co.lomashwood.order.payment.PaymentIntegrationTest;
import uk.co.lomashwood.order.payment.StripeSignatures;
import uk.co.lomashwood.platform.test.http.Reply;

class StripeWebhookTest extends PaymentIntegrationTest {

    @Test
    void theSameSucceededEventDeliveredFiftyTimesAtOnceConfirmsTheOrderOnce() throws Exception {
        TestOrder order = order();
        String intent = firstAttempt(order);
        gateway.succeed(intent);
        String payload = intentEvent("payment_intent.succeeded", intent);

        List<Reply> replies = concurrently(50, () -> deliver(payload));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(replies.stream().filter(r -> !r.data().has("duplicate")).count()).isEqualTo(1);
        assertThat(orderState(order.id())).containsEntry("status", "CONFIRMED").containsEntry("paymentStatus", "PAID")
                .containsEntry("amountPaid", order.total());
        assertThat(history(order.id(), "status", "CONFIRMED")).isEqualTo(1);
        assertThat(outbox("order.confirmed", order.id())).isEqualTo(1);
        assertThat(outbox("order.payment.succeeded", order.id())).isEqualTo(1);
        assertThat(ports.invoicesFor(order.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM payment_transactions t JOIN payments p ON p.id = t.payment_id "
                + "WHERE p.order_id = ? AND t.type = 'CAPTURE'").param(order.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void differentEventsForTheSamePaymentRacingStillConfirmOnce() throws Exception {
        TestOrder order = order();
        String intent = firstAttempt(order);
        gateway.succeed(intent);

        List<Reply> replies = concurrently(20, () -> deliver(intentEvent("payment_intent.succeeded", intent)));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(history(order.id(), "status", "CONFIRMED")).isEqualTo(1);
        assertThat(outbox("order.confirmed", order.id())).isEqualTo(1);
        assertThat(ports.invoicesFor(order.id())).isEqualTo(1);
    }

    @Test
    void confirmationCarriesWhatTheReceiptAndStockCommitNeed() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        gateway.succeed(intent);

        deliver(intentEvent("payment_intent.succeeded", intent));

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
    void aPaymentFailedArrivingAfterTheSuccessIsIgnored() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        gateway.succeed(intent);
        deliver(intentEvent("payment_intent.succeeded", intent));
        String lateFailure = event("payment_intent.payment_failed", Map.of("id", intent, "object", "payment_intent",
                "last_payment_error", Map.of("code", "card_declined", "decline_code", "generic_decline")));

        Reply reply = deliver(lateFailure);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(orderState(order.id())).containsEntry("status", "CONFIRMED").containsEntry("paymentStatus", "PAID");
        assertThat(attemptStatus(intent)).isEqualTo("SUCCEEDED");
        assertThat(outbox("order.payment.failed", order.id())).isZero();
    }

    @Test
    void aTamperedSignatureIsRefusedAndChangesNothing() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        gateway.succeed(intent);
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
                .param(payload.substring(7, payload.indexOf('"', 7))).query(Long.class).single()).isZero();
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
        gateway.succeedWithAmount(intent, 30);

        Reply reply = deliver(intentEvent("payment_intent.succeeded", intent));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(orderState(order.id())).containsEntry("status", "PENDING").containsEntry("paymentStatus", "UNPAID")
                .containsEntry("amountPaid", 0L);
        assertThat(jdbc.sql("SELECT metadata ->> 'reviewReason' FROM payments WHERE stripe_payment_intent_id = ?")
                .param(intent).query(String.class).single()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(outbox("order.confirmed", order.id())).isZero();
        assertThat(ports.invoicesFor(order.id())).isZero();
    }

    @Test
    void aDeclineMarksTheAttemptFailedAndTellsTheCustomerTheyCanRetry() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        gateway.decline(intent, "insufficient_funds", "Your card has insufficient funds.");

        deliver(intentEvent("payment_intent.payment_failed", intent));

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
        gateway.status(intent, "requires_action");
        deliver(intentEvent("payment_intent.requires_action", intent));
        assertThat(attemptStatus(intent)).isEqualTo("REQUIRES_ACTION");

        gateway.status(intent, "processing");
        deliver(intentEvent("payment_intent.processing", intent));
        assertThat(attemptStatus(intent)).isEqualTo("PROCESSING");
        assertThat(orderState(order.id())).containsEntry("paymentStatus", "PROCESSING");

        gateway.status(intent, "requires_action");
        deliver(intentEvent("payment_intent.requires_action", intent));
        assertThat(attemptStatus(intent)).isEqualTo("PROCESSING");
    }

    @Test
    void stripeCancellingTheOnlyLiveIntentCancelsThePendingOrder() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        gateway.cancelledByStripe(intent, "abandoned");

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

        deliver(intentEvent("payment_intent.canceled", intent));

        assertThat(attemptStatus(intent)).isEqualTo("CANCELLED");
        assertThat(orderState(order.id())).containsEntry("status", "PENDING");
        assertThat(outbox("order.cancelled", order.id())).isZero();
    }

    @Test
    void aPaymentThatSucceedsOnACancelledOrderIsRecordedAndRefundedInFull() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        jdbc.sql("UPDATE orders SET status = 'CANCELLED' WHERE id = ?").param(order.id()).update();
        gateway.succeed(intent);

        deliver(intentEvent("payment_intent.succeeded", intent));

        assertThat(orderState(order.id())).containsEntry("status", "CANCELLED").containsEntry("paymentStatus", "PAID");
        assertThat(ports.refundedOrders).contains(order.id());
        assertThat(ports.refundReasons.get(ports.refundedOrders.indexOf(order.id()))).isEqualTo("ORDER_CANCELLED");
        assertThat(outbox("order.confirmed", order.id())).isZero();
    }

    @Test
    void unhandledTypesAreAcknowledgedAndStoredAsIgnored() {
        String payload = event("customer.subscription.created", Map.of("id", "sub_123", "object", "subscription"));

        Reply reply = deliver(payload);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().get("ignored").asBoolean()).isTrue();
        String eventId = payload.substring(7, payload.indexOf('"', 7));
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
                .param(payload.substring(7, payload.indexOf('"', 7))).query(Long.class).single()).isZero();
    }

    @Test
    void aRefundEventIsSettledWithTheRefundAsStripeReportsItNow() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        gateway.succeed(intent);
        deliver(intentEvent("payment_intent.succeeded", intent));
        String refundId = "re_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        gateway.refund(refundId, intent, 5_000, "succeeded");

        deliver(event("refund.updated", Map.of("id", refundId, "object", "refund", "payment_intent", intent,
                "status", "pending")));
        deliver(event("charge.refunded", Map.of("id", "ch_" + intent.substring(3), "object", "charge",
                "payment_intent", intent, "refunds", Map.of("data", List.of(Map.of("id", refundId))))));

        assertThat(ports.settled.stream().filter(r -> r.id().equals(refundId)).toList()).hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo("succeeded"));
    }

    @Test
    void aDisputeMarksThePaymentDisputedAndALostOneEndsChargedBack() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        gateway.succeed(intent);
        deliver(intentEvent("payment_intent.succeeded", intent));
        Map<String, Object> dispute = Map.of("id", "dp_" + intent.substring(3), "object", "dispute",
                "charge", "ch_" + intent.substring(3), "payment_intent", intent, "amount", order.total(),
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
        String intent = firstAttempt(order);
        gateway.succeed(intent);
        deliver(intentEvent("payment_intent.succeeded", intent));
        Map<String, Object> dispute = new java.util.HashMap<>(Map.of("id", "dp_w" + intent.substring(4),
                "object", "dispute", "charge", "ch_" + intent.substring(3), "amount", order.total(),
                "reason", "product_not_received", "status", "needs_response"));
        deliver(event("charge.dispute.created", dispute));

        dispute.put("status", "won");
        deliver(event("charge.dispute.closed", dispute));

        assertThat(orderState(order.id())).containsEntry("paymentStatus", "PAID");
        assertThat(attemptStatus(intent)).isEqualTo("SUCCEEDED");
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
