package uk.co.lomashwood.order.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

    private void untouchedFor(String intent, String interval) {
        jdbc.sql("UPDATE payments SET updated_at = now() - CAST(? AS interval) WHERE stripe_payment_intent_id = ?")
                .params(interval, intent).update();
    }
}
