package uk.co.lomashwood.order.webhook;

import java.time.Instant;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.co.lomashwood.order.stripe.StripeEvent;

/** Rebuilds a verified event from its stored {@code webhook_events.payload} for a replay. */
@Component
public class StoredEvents {

    private final JsonMapper json;

    public StoredEvents(JsonMapper json) {
        this.json = json;
    }

    public StripeEvent parse(String payload) {
        JsonNode root = json.readTree(payload);
        JsonNode created = root.path("created");
        return new StripeEvent(root.path("id").asString(), root.path("type").asString(),
                root.path("livemode").asBoolean(false), StripeEventHandlers.text(root, "api_version"),
                created.isNumber() ? Instant.ofEpochSecond(created.asLong()) : null, root.path("data").path("object"),
                payload);
    }
}
