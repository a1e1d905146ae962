package uk.co.lomashwood.notification.message;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A rendered message ready for a provider. {@code to} is the email address, the E.164 number or, for push,
 * the device tokens; {@code headers} carries e.g. {@code List-Unsubscribe}.
 */
public record OutboundMessage(UUID notificationId, Channel channel, Priority priority, List<String> to,
                             String subject, String text, String html, Map<String, String> headers,
                             Map<String, String> data) {

    public OutboundMessage {
        to = List.copyOf(to);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
