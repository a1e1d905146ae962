package uk.co.lomashwood.notification.dispatch;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.notification.directory.DeviceTokens;
import uk.co.lomashwood.notification.message.OutboundMessage;
import uk.co.lomashwood.notification.message.ProviderException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a stored, rendered notification into what a provider needs: addresses, headers and push data. */
@Component
public class OutboundMessages {

    private static final List<String> PUSH_DATA_KEYS = List.of("bookingId", "orderId");

    private final DeviceTokens devices;
    private final ObjectMapper json;

    public OutboundMessages(DeviceTokens devices, ObjectMapper json) {
        this.devices = devices;
        this.json = json;
    }

    public OutboundMessage build(NotificationRow row) {
        JsonNode metadata = row.metadata() == null ? json.createObjectNode() : json.readTree(row.metadata());
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> data = new LinkedHashMap<>();
        List<String> to = switch (row.channel()) {
            case EMAIL -> List.of(row.recipientEmail());
            case SMS -> List.of(row.recipientPhone());
            case PUSH -> devices.activeTokens(row.recipientId());
        };
        if (to.isEmpty()) {
            throw ProviderException.permanent("NO_ACTIVE_DEVICE", "No active device token", null);
        }
        JsonNode unsubscribe = metadata.get(MessageComposer.UNSUBSCRIBE_URL);
        if (unsubscribe != null && unsubscribe.isString()) {
            headers.put("List-Unsubscribe", "<" + unsubscribe.asString() + ">, <mailto:unsubscribe@lomashwood.co.uk>");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        data.put("notificationId", row.id().toString());
        for (String key : PUSH_DATA_KEYS) {
            JsonNode value = metadata.get(key);
            if (value != null && value.isValueNode()) {
                data.put(key, value.asString());
            }
        }
        return new OutboundMessage(row.id(), row.channel(), row.priority(), to, row.subject(), row.body(),
                row.htmlBody(), headers, data);
    }
}
