package uk.co.lomashwood.notification.dispatch;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.gate.UnsubscribeTokens;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.PreferenceTopic;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.support.NotificationProperties;
import uk.co.lomashwood.notification.template.RenderedMessage;
import uk.co.lomashwood.notification.template.StoredTemplate;
import uk.co.lomashwood.notification.template.TemplateRenderer;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Adds the global variables of spec 40 §1.4.3 (brand, links, year, a per-recipient unsubscribe link for
 * customer messages that have a topic) and renders. Secret-carrying values are never stored in metadata.
 */
@Component
public class MessageComposer {

    static final String UNSUBSCRIBE_URL = "unsubscribeUrl";
    private static final Set<String> SECRETS = Set.of("verifyUrl", "otpCode", "resetUrl", "inviteUrl", "confirmUrl",
            "downloadUrl");

    private final TemplateRenderer renderer;
    private final UnsubscribeTokens tokens;
    private final NotificationProperties properties;
    private final Clock clock;

    public MessageComposer(TemplateRenderer renderer, UnsubscribeTokens tokens, NotificationProperties properties,
                           Clock clock) {
        this.renderer = renderer;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** Adds the globals and the unsubscribe link to {@code variables} (callers' values win) and renders. */
    public RenderedMessage render(StoredTemplate template, Recipient recipient, String address,
                                  Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(globals());
        PreferenceTopic topic = template.definition().topic();
        if (topic != null && !recipient.type().staff() && address != null && template.definition().channel() == Channel.EMAIL) {
            all.put(UNSUBSCRIBE_URL, properties.publicApiUrl() + "/v1/notifications/unsubscribe?token="
                    + tokens.issue(Channel.EMAIL, address, recipient.userId(), topic));
        }
        all.putAll(variables);
        variables.putAll(all);
        return renderer.render(template.definition(), all);
    }

    public Map<String, Object> globals() {
        Map<String, Object> globals = new HashMap<>();
        globals.put("brandName", properties.brandName());
        globals.put("baseUrl", properties.baseUrl());
        globals.put("privacyUrl", properties.baseUrl() + "/privacy");
        globals.put("supportEmail", properties.supportEmail());
        globals.put("currentYear", Integer.toString(clock.instant().atZone(ZoneId.of("Europe/London")).getYear()));
        return globals;
    }

    public Map<String, Object> storedVariables(Map<String, Object> variables) {
        Map<String, Object> stored = new HashMap<>(variables);
        SECRETS.forEach(key -> stored.computeIfPresent(key, (k, v) -> "[redacted]"));
        return stored;
    }
}
