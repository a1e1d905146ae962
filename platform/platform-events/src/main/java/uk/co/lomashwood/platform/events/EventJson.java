package uk.co.lomashwood.platform.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import static uk.co.lomashwood.platform.events.MalformedEventException.Reason.MALFORMED;
import static uk.co.lomashwood.platform.events.MalformedEventException.Reason.UNSUPPORTED_VERSION;

/** Reads and writes envelopes; reading validates them (spec 00 §4.4: malformed or unknown major → dead letter). */
public final class EventJson {

    private final JsonMapper mapper;

    /** @param applicationMapper the service's mapper (keeps its modules); unknown properties are tolerated here */
    public EventJson(JsonMapper applicationMapper) {
        this.mapper = applicationMapper.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public JsonNode toTree(Object data) {
        return data instanceof JsonNode node ? node : mapper.valueToTree(data);
    }

    /** @throws EventTooLargeException when over {@link EventEnvelope#MAX_SERIALISED_BYTES} */
    public String write(EventEnvelope envelope) {
        byte[] bytes = mapper.writeValueAsBytes(envelope);
        if (bytes.length > EventEnvelope.MAX_SERIALISED_BYTES) {
            throw new EventTooLargeException(envelope.topic(), bytes.length);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** @throws MalformedEventException when the text is not a complete envelope of a supported major version */
    public EventEnvelope read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException(MALFORMED, "empty message");
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException(MALFORMED, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException(MALFORMED, "not a JSON object");
        }
        EventEnvelope envelope = new EventEnvelope(
                uuid(root, "eventId"),
                requiredText(root, "topic"),
                requiredText(root, "version"),
                instant(root),
                requiredText(root, "source"),
                requiredText(root, "correlationId"),
                optionalText(root, "causationId"),
                metadata(root),
                data(root));
        if (envelope.majorVersion() != EventEnvelope.SUPPORTED_MAJOR_VERSION) {
            throw new MalformedEventException(UNSUPPORTED_VERSION, "unsupported version " + envelope.version());
        }
        return envelope;
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw new MalformedEventException(MALFORMED, "missing or invalid " + field);
        }
        return node.stringValue();
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : requiredText(root, field);
    }

    private static UUID uuid(JsonNode root, String field) {
        try {
            return UUID.fromString(requiredText(root, field));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(MALFORMED, "invalid " + field);
        }
    }

    private static Instant instant(JsonNode root) {
        try {
            return Instant.parse(requiredText(root, "timestamp"));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(MALFORMED, "invalid timestamp");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metadata(JsonNode root) {
        JsonNode node = root.get("metadata");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new MalformedEventException(MALFORMED, "metadata is not an object");
        }
        return mapper.treeToValue(node, Map.class);
    }

    private static JsonNode data(JsonNode root) {
        JsonNode node = root.get("data");
        if (node == null || !node.isObject()) {
            throw new MalformedEventException(MALFORMED, "data is not an object");
        }
        return node;
    }
}
