package uk.co.lomashwood.order.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.co.lomashwood.platform.test.http.Reply;

class PaymentReconciliationTest extends PaymentIntegrationTest {

    @Autowired
    private PaymentReconciliation reconciliation;

    @Test
    void aSuccessWhoseWebhookNeverArrivedIsAppliedByTheHourlySweep() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "succeeded", null);
        untouchedFor(intent, "31 minutes");

        reconciliation.run();

        assertThat(orderState(order.id())).containsEntry("status", "CONFIRMED").containsEntry("paymentStatus", "PAID");
        assertThat(outbox("order.confirmed", order.id())).isEqualTo(1);
    }

    @Test
    void recentAttemptsAndAttemptsOlderThanADayAreLeftToTheWebhook() {
        TestOrder recent = order();
        String recentIntent = firstAttempt(recent);
        providerSays(recentIntent, "succeeded", null);
        untouchedFor(recentIntent, "10 minutes");
        TestOrder old = order();
        String oldIntent = firstAttempt(old);
        providerSays(oldIntent, "succeeded", null);
        jdbc.sql("UPDATE payments SET created_at = now() - interval '25 hours', updated_at = now() - interval '25 hours' "
                + "WHERE stripe_payment_intent_id = ?").param(oldIntent).update();

        reconciliation.run();

        assertThat(orderState(recent.id())).containsEntry("status", "PENDING");
        assertThat(orderState(old.id())).containsEntry("status", "PENDING");
    }

    @Test
    void aDeclineFoundByTheSweepMarksTheAttemptFailed() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        jdbc.sql("UPDATE offline_payment_intents SET last_error_code = 'card_declined', "
                + "last_error_decline_code = 'expired_card', last_error_message = 'Your card has expired.' WHERE id = ?")
                .param(intent).update();
        untouchedFor(intent, "45 minutes");

        reconciliation.run();

        assertThat(attemptStatus(intent)).isEqualTo("FAILED");
        assertThat(orderState(order.id())).containsEntry("paymentStatus", "FAILED");
    }

    @Test
    void aSuperAdminReconcilesAWindowInTheBackground() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "succeeded", null);
        Map<String, Object> window = Map.of("fromDate", Instant.now().minus(Duration.ofHours(1)).toString(),
                "toDate", Instant.now().plus(Duration.ofMinutes(1)).toString());

        Reply admin = call(as(UUID.randomUUID(), "ADMIN"), "POST", "/v1/payments/reconcile", window);
        Reply tooLong = call(as(UUID.randomUUID(), "SUPER_ADMIN"), "POST", "/v1/payments/reconcile",
                Map.of("fromDate", "2026-01-01T00:00:00Z", "toDate", "2026-03-01T00:00:00Z"));
        Reply started = call(as(UUID.randomUUID(), "SUPER_ADMIN"), "POST", "/v1/payments/reconcile", window);

        assertThat(admin.status()).isEqualTo(403);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.data().get("status").asString()).isEqualTo("RUNNING");
        awaitOrder(order.id(), "status", "CONFIRMED");
    }

    private void untouchedFor(String intent, String interval) {
        jdbc.sql("UPDATE payments SET updated_at = now() - CAST(? AS interval) WHERE stripe_payment_intent_id = ?")
                .params(interval, intent).update();
    }
}
