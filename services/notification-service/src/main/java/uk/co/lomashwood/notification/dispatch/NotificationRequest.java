package uk.co.lomashwood.notification.dispatch;

import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A request to send one template to one recipient, from an event handler or the API. {@code idempotencyKey}
 * is unique per notification ({@code {eventId}:{slug}:{recipient}} for events), so a redelivered event
 * or a repeated API call finds the existing row instead of sending again.
 */
public record NotificationRequest(String templateSlug, Channel channel, Recipient recipient,
                                  Map<String, Object> variables, Priority priority, Instant scheduledAt,
                                  SourceRef source, String idempotencyKey, boolean exemptFromLimits) {

    public NotificationRequest {
        variables = variables == null ? Map.of() : new HashMap<>(variables);
        priority = priority == null ? Priority.NORMAL : priority;
        source = source == null ? SourceRef.NONE : source;
    }

    /** Correlation to the triggering event or entity, copied into every {@code notification.*} event. */
    public record SourceRef(String topic, String eventId, String entityType, String entityId, String correlationId) {
        public static final SourceRef NONE = new SourceRef(null, null, null, null, null);
    }
}
