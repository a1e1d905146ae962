package uk.co.lomashwood.notification.consumer;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.gate.Preferences;
import uk.co.lomashwood.notification.gate.Suppressions;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.message.PreferenceTopic;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.util.Set;
import java.util.UUID;

/**
 * content-service's newsletter (the fourth form): the double opt-in email, the welcome once confirmed (the
 * NEWSLETTER preference switched on first, since it is off until opted in), and on unsubscribe the suppression
 * plus a confirmation for LINK and CONSENT sources (spec 40 rows; 00 §4.7).
 */
@Component
class NewsletterEventHandler implements EventHandler {

    private static final String ENTITY = "NEWSLETTER_SUBSCRIPTION";

    private final EventSends sends;
    private final Preferences preferences;
    private final Suppressions suppressions;

    NewsletterEventHandler(EventSends sends, Preferences preferences, Suppressions suppressions) {
        this.sends = sends;
        this.preferences = preferences;
        this.suppressions = suppressions;
    }

    @Override
    public Set<String> topics() {
        return Set.of("content.newsletter.confirmation_requested", "content.newsletter.subscribed",
                "content.newsletter.unsubscribed");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        String email = Fields.text(data, "email");
        if (email == null) {
            return;
        }
        UUID userId = Fields.uuid(data, "userId");
        String id = Fields.text(data, "subscriptionId");
        Recipient subscriber = Recipient.customer(userId, email, null);
        switch (event.topic()) {
            case "content.newsletter.confirmation_requested" -> sends.send(event, "newsletter-confirm-email",
                    Channel.EMAIL, subscriber, Priority.HIGH, Vars.of("confirmUrl", Fields.text(data, "confirmUrl"),
                            "expiresAt", Formats.dateTime(Formats.instant(Fields.text(data, "expiresAt")))), ENTITY, id);
            case "content.newsletter.subscribed" -> {
                suppressions.lift(Channel.EMAIL, email, PreferenceTopic.NEWSLETTER);
                if (userId != null) {
                    preferences.set(userId, Channel.EMAIL, PreferenceTopic.NEWSLETTER, true);
                }
                sends.send(event, "newsletter-welcome-email", Channel.EMAIL, subscriber, Priority.NORMAL,
                        Vars.of("subscriberName", Fields.text(data, "name")), ENTITY, id);
            }
            case "content.newsletter.unsubscribed" -> unsubscribed(event, data, email, userId, subscriber, id);
            default -> { }
        }
    }

    private void unsubscribed(EventEnvelope event, JsonNode data, String email, UUID userId, Recipient subscriber,
                              String id) {
        String source = Fields.text(data, "source");
        if (userId != null) {
            preferences.set(userId, Channel.EMAIL, PreferenceTopic.NEWSLETTER, false);
        }
        suppressions.add(Channel.EMAIL, email, userId, PreferenceTopic.NEWSLETTER, "UNSUBSCRIBED",
                source == null ? "NEWSLETTER" : source);
        if ("LINK".equals(source) || "CONSENT".equals(source)) {
            sends.send(event, "newsletter-unsubscribe-confirmation-email", Channel.EMAIL, subscriber, Priority.NORMAL,
                    Vars.of("resubscribeUrl", sends.siteUrl("/newsletter")), ENTITY, id);
        }
    }
}
