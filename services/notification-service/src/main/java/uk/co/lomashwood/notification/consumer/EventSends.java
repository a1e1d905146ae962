package uk.co.lomashwood.notification.consumer;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.dispatch.NotificationIntake;
import uk.co.lomashwood.notification.dispatch.NotificationRequest;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.support.NotificationProperties;
import uk.co.lomashwood.platform.events.EventEnvelope;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns one consumed event into notification requests. The idempotency key {@code {eventId}:{slug}:{recipient}}
 * makes a redelivered event find its notifications instead of sending again, even past the platform inbox.
 */
@Component
class EventSends {

    private final NotificationIntake intake;
    private final NotificationProperties properties;

    EventSends(NotificationIntake intake, NotificationProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    NotificationProperties properties() {
        return properties;
    }

    void send(EventEnvelope event, String slug, Channel channel, Recipient recipient, Priority priority,
              Map<String, Object> variables, String entityType, String entityId) {
        sendAt(event, slug, channel, recipient, priority, variables, entityType, entityId, null);
    }

    /** @param at when to send; null for now */
    void sendAt(EventEnvelope event, String slug, Channel channel, Recipient recipient, Priority priority,
                Map<String, Object> variables, String entityType, String entityId, java.time.Instant at) {
        String who = recipient.address(channel) != null ? recipient.address(channel)
                : recipient.userId() != null ? recipient.userId().toString() : "none";
        Map<String, Object> values = new HashMap<>();
        variables.forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
            }
        });
        intake.accept(new NotificationRequest(slug, channel, recipient, values, priority, at,
                new NotificationRequest.SourceRef(event.topic(), event.eventId().toString(), entityType, entityId,
                        event.correlationId()),
                event.eventId() + ":" + slug + ":" + who, false));
    }

    String adminUrl(String path) {
        return properties.baseUrl() + "/admin" + path;
    }

    String siteUrl(String path) {
        return properties.baseUrl() + path;
    }
}
