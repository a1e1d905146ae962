package uk.co.lomashwood.notification.dispatch;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.notification.gate.Addresses;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes the {@code notification.*} topics of spec 00 §4.7 with the correlation fields; the envelope's
 * {@code causationId} is the triggering event. Must run inside the transaction that records the outcome.
 */
@Component
public class NotificationEvents {

    private final OutboxPublisher outbox;
    private final ObjectMapper json;

    public NotificationEvents(OutboxPublisher outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public void sent(NotificationRow row, String provider, String providerMessageId, Instant sentAt) {
        Map<String, Object> data = base(row);
        data.put("category", row.category());
        data.put("templateSlug", row.templateSlug());
        data.put("provider", provider);
        data.put("providerMessageId", providerMessageId);
        data.put("sentAt", sentAt);
        publish("notification." + row.channel().topicWord() + ".sent", row, data);
        reminder(row, "SENT", sentAt, null);
    }

    public void failed(NotificationRow row, String error, int attempt, Instant failedAt) {
        Map<String, Object> data = base(row);
        data.put("channel", row.channel().name());
        data.put("category", row.category());
        data.put("error", error);
        data.put("attempt", attempt);
        data.put("failedAt", failedAt);
        publish("notification.failed", row, data);
        reminder(row, "FAILED", failedAt, error);
    }

    /** A provider confirmed delivery; only reminders report it (to appointment-service). */
    public void delivered(NotificationRow row, Instant deliveredAt) {
        reminder(row, "DELIVERED", deliveredAt, null);
    }

    /** A permanent SES bounce: customer-service flags the profile email (spec 00 §4.7). */
    public void bounced(NotificationRow row, String bounceType, Instant bouncedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notificationId", row.id());
        data.put("userId", row.recipientId());
        data.put("email", row.recipientEmail());
        data.put("bounceType", bounceType);
        data.put("bouncedAt", bouncedAt);
        correlation(row, data);
        publish("notification.email.bounced", row, data);
    }

    public void unsubscribed(Map<String, Object> data) {
        outbox.publish("notification.unsubscribed", null, data);
    }

    private void reminder(NotificationRow row, String outcome, Instant at, String error) {
        JsonNode metadata = row.metadata() == null ? null : json.readTree(row.metadata());
        if (metadata == null || !metadata.hasNonNull("reminderId")) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reminderId", metadata.get("reminderId").asString());
        data.put("bookingId", metadata.path("bookingId").asString(null));
        data.put("reminderType", metadata.path("reminderType").asString(null));
        data.put("channel", row.channel().name());
        data.put("recipient", Addresses.mask(row.address()));
        data.put("outcome", outcome);
        data.put("sentAt", "SENT".equals(outcome) ? at : null);
        data.put("deliveredAt", "DELIVERED".equals(outcome) ? at : null);
        data.put("failedAt", "FAILED".equals(outcome) ? at : null);
        data.put("failureReason", error);
        correlation(row, data);
        publish("notification.reminder.sent", row, data);
    }

    private Map<String, Object> base(NotificationRow row) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notificationId", row.id());
        data.put("userId", row.recipientId());
        data.put("recipient", Addresses.mask(row.address()));
        correlation(row, data);
        return data;
    }

    private static void correlation(NotificationRow row, Map<String, Object> data) {
        data.put("sourceTopic", row.sourceTopic());
        data.put("sourceEventId", row.sourceEventId());
        data.put("sourceEntityType", row.sourceEntityType());
        data.put("sourceEntityId", row.sourceEntityId());
    }

    private void publish(String topic, NotificationRow row, Map<String, Object> data) {
        outbox.publish(topic, row.id().toString(), data, row.sourceEventId(), Map.of());
    }
}
