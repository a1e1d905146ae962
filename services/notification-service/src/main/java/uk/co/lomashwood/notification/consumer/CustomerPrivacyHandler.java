package uk.co.lomashwood.notification.consumer;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.directory.ContactDirectory;
import uk.co.lomashwood.notification.gate.Preferences;
import uk.co.lomashwood.notification.gate.Restrictions;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.PreferenceTopic;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * customer-service topics that change what may be sent (spec 40 §1.4.6, §1.5): the profile's email and phone refresh
 * the contact directory; GDPR consents switch the marketing topics (newsletter and marketing_email on EMAIL,
 * marketing_sms on SMS), a right-to-object withdrawal switches every non-mandatory topic off; restricted processing
 * leaves only mandatory messages. Erasure is {@code history.CustomerErasure}.
 */
@Component
class CustomerPrivacyHandler implements EventHandler {

    private final ContactDirectory directory;
    private final Preferences preferences;
    private final Restrictions restrictions;

    CustomerPrivacyHandler(ContactDirectory directory, Preferences preferences, Restrictions restrictions) {
        this.directory = directory;
        this.preferences = preferences;
        this.restrictions = restrictions;
    }

    @Override
    public Set<String> topics() {
        return Set.of("customer.profile.updated", "customer.consent.updated", "customer.processing_restricted");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        UUID userId = Fields.uuid(data, "userId");
        if (userId == null) {
            return;
        }
        switch (event.topic()) {
            case "customer.profile.updated" -> directory.remember(userId, Fields.text(data, "email"),
                    Fields.text(data, "phone"), Fields.text(data, "firstName"));
            case "customer.consent.updated" -> consent(userId, data);
            case "customer.processing_restricted" ->
                    restrictions.set(userId, Fields.flag(data, "restricted", false));
            default -> { }
        }
    }

    private void consent(UUID userId, JsonNode data) {
        boolean granted = Fields.flag(data, "granted", false);
        String source = String.valueOf(Fields.text(data, "source")).toUpperCase(Locale.ROOT);
        if (!granted && source.contains("OBJECT")) {
            preferences.optOutAll(userId);
            return;
        }
        String type = String.valueOf(Fields.text(data, "consentType")).toLowerCase(Locale.ROOT);
        switch (type) {
            case "newsletter" -> preferences.set(userId, Channel.EMAIL, PreferenceTopic.NEWSLETTER, granted);
            case "marketing_email" -> preferences.set(userId, Channel.EMAIL, PreferenceTopic.PROMOTIONS, granted);
            case "marketing_sms" -> preferences.set(userId, Channel.SMS, PreferenceTopic.PROMOTIONS, granted);
            default -> { }
        }
    }
}
