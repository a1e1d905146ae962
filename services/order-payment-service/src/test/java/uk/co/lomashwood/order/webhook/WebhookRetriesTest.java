package uk.co.lomashwood.order.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.co.lomashwood.order.payment.PaymentIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

class WebhookRetriesTest extends PaymentIntegrationTest {

    @Autowired
    private WebhookRetries retries;

    @Test
    void aHandlerErrorIsStillAcknowledgedAndReplayedLater() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "succeeded", null);
        breakOrder(order.id());
        String payload = intentEvent("payment_intent.succeeded", intent);
        String eventId = eventIdOf(payload);

        Reply reply = deliver(payload);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(orderState(order.id())).containsEntry("status", "PENDING");
        Map<String, Object> row = row(eventId);
        assertThat(row).containsEntry("status", "FAILED");
        assertThat((String) row.get("failureReason")).contains("order store unavailable");
        Duration untilRetry = Duration.between(Instant.now(), (Instant) row.get("nextRetryAt"));
        assertThat(untilRetry).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));

        repairOrder(order.id());
        dueNow(eventId);
        retries.run();

        assertThat(row(eventId)).containsEntry("status", "PROCESSED").containsEntry("retryCount", 1);
        assertThat(orderState(order.id())).containsEntry("status", "CONFIRMED");
        assertThat(outbox("order.confirmed", order.id())).isEqualTo(1);
    }

    @Test
    void replaysBackOffAndTheFifthFailureIsDeadLettered() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "succeeded", null);
        breakOrder(order.id());
        String eventId = eventIdOf(deliverAndReturn(intentEvent("payment_intent.succeeded", intent)));

        long[] expectedDelays = {120, 240, 480};
        for (long delay : expectedDelays) {
            dueNow(eventId);
            retries.run();
            Duration untilRetry = Duration.between(Instant.now(), (Instant) row(eventId).get("nextRetryAt"));
            assertThat(untilRetry).isBetween(Duration.ofSeconds(delay - 10), Duration.ofSeconds(delay + 1));
        }
        dueNow(eventId);
        retries.run();

        assertThat(row(eventId)).containsEntry("status", "DEAD_LETTERED").containsEntry("retryCount", 4);
        assertThat(orderState(order.id())).containsEntry("status", "PENDING");
    }

    @Test
    void aRedeliveryOfAnEventAlreadyProcessedIsADuplicate() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "succeeded", null);
        String payload = intentEvent("payment_intent.succeeded", intent);
        deliver(payload);

        Reply again = deliver(payload);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void anEventThatCouldNotBeStoredIs500AndProcessedWhenStripeRetries() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "succeeded", null);
        String payload = intentEvent("payment_intent.succeeded", intent);
        refuseToStore(eventIdOf(payload));

        Reply lost = deliver(payload);

        assertThat(lost.status()).isEqualTo(500);
        assertThat(orderState(order.id())).containsEntry("status", "PENDING");

        allowToStore();
        Reply retried = deliver(payload);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.data().has("duplicate")).isFalse();
        assertThat(orderState(order.id())).containsEntry("status", "CONFIRMED");
    }

    /** The webhook table refuses this event id, as a database that is down would. */
    private void refuseToStore(String eventId) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION test_refuse_webhook_event() RETURNS trigger AS $$
                BEGIN
                    IF NEW.event_id = '%s' THEN
                        RAISE EXCEPTION 'database unavailable';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(eventId)).update();
        jdbc.sql("""
                CREATE OR REPLACE TRIGGER test_refuse_webhook_event BEFORE INSERT ON webhook_events
                FOR EACH ROW EXECUTE FUNCTION test_refuse_webhook_event()""").update();
    }

    private void allowToStore() {
        jdbc.sql("DROP TRIGGER IF EXISTS test_refuse_webhook_event ON webhook_events").update();
    }

    private String deliverAndReturn(String payload) {
        assertThat(deliver(payload).status()).isEqualTo(200);
        return payload;
    }

    private void dueNow(String eventId) {
        jdbc.sql("UPDATE webhook_events SET next_retry_at = now() - interval '1 second' WHERE event_id = ?")
                .param(eventId).update();
    }

    private Map<String, Object> row(String eventId) {
        return jdbc.sql("SELECT status, failure_reason, next_retry_at, retry_count FROM webhook_events WHERE event_id = ?")
                .param(eventId)
                .query((rs, n) -> {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("status", rs.getString(1));
                    row.put("failureReason", rs.getString(2));
                    row.put("nextRetryAt", rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant());
                    row.put("retryCount", rs.getInt(4));
                    return row;
                }).single();
    }
}
