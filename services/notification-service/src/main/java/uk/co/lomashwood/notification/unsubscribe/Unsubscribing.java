package uk.co.lomashwood.notification.unsubscribe;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.notification.dispatch.NotificationEvents;
import uk.co.lomashwood.notification.gate.Addresses;
import uk.co.lomashwood.notification.gate.Preferences;
import uk.co.lomashwood.notification.gate.Suppressions;
import uk.co.lomashwood.notification.gate.UnsubscribeTokens;
import uk.co.lomashwood.notification.message.PreferenceTopic;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spec 40 §1.4.8: reading a token changes nothing (link scanners follow GETs); confirming adds a suppression,
 * switches the user's preference off and, for the newsletter, tells content-service.
 */
@Component
public class Unsubscribing {

    public record Status(String channel, String addressMasked, String topic, boolean alreadyUnsubscribed) {
    }

    public record Done(boolean unsubscribed, String topic) {
    }

    private final UnsubscribeTokens tokens;
    private final Suppressions suppressions;
    private final Preferences preferences;
    private final NotificationEvents events;
    private final Clock clock;

    public Unsubscribing(UnsubscribeTokens tokens, Suppressions suppressions, Preferences preferences,
                         NotificationEvents events, Clock clock) {
        this.tokens = tokens;
        this.suppressions = suppressions;
        this.preferences = preferences;
        this.events = events;
        this.clock = clock;
    }

    public Status inspect(String token) {
        UnsubscribeTokens.Payload payload = verify(token);
        return new Status(payload.channel().name(), Addresses.mask(payload.address()), payload.topic().name(),
                suppressions.suppressed(payload.channel(), payload.address(), payload.topic()));
    }

    @Transactional
    public Done confirm(String token, boolean everything) {
        UnsubscribeTokens.Payload payload = verify(token);
        PreferenceTopic topic = everything ? null : payload.topic();
        boolean already = suppressions.suppressed(payload.channel(), payload.address(), payload.topic());
        suppressions.add(payload.channel(), payload.address(), payload.userId(), topic, "UNSUBSCRIBED",
                "UNSUBSCRIBE_LINK");
        if (payload.userId() != null) {
            preferences.set(payload.userId(), payload.channel(), topic == null ? PreferenceTopic.ALL : topic, false);
        }
        if (!already && (topic == null || topic == PreferenceTopic.NEWSLETTER)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("userId", payload.userId());
            data.put("email", payload.address());
            data.put("channel", payload.channel().name());
            data.put("topic", topic == null ? "ALL" : topic.name());
            data.put("source", "LINK");
            data.put("unsubscribedAt", clock.instant());
            events.unsubscribed(data);
        }
        return new Done(true, topic == null ? "ALL" : topic.name());
    }

    private UnsubscribeTokens.Payload verify(String token) {
        return tokens.verify(token).orElseThrow(() -> new ApiException(ErrorCode.INVALID_UNSUBSCRIBE_TOKEN,
                "This unsubscribe link is not valid or has expired"));
    }
}
