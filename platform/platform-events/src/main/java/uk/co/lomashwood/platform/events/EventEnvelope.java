package uk.co.lomashwood.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The message every event travels in (spec 00 §4.2). Serialised by {@link EventJson}; at most
 * {@link #MAX_SERIALISED_BYTES} bytes.
 *
 * @param eventId       UUID v7, the consumers' idempotency key
 * @param topic         {@code {domain}.{entity}.{action}}
 * @param version       schema version {@code MAJOR.MINOR}
 * @param timestamp     when the state change happened (JSON: ISO-8601 UTC with milliseconds)
 * @param source        producing service, its {@code spring.application.name}
 * @param correlationId {@code X-Request-Id} of the originating request, or a job run id
 * @param causationId   event id of the event that caused this one, or {@code null}
 * @param metadata      non-business hints, e.g. {@code aggregateId}
 * @param data          topic-specific payload
 */
public record EventEnvelope(
        UUID eventId,
        String topic,
        String version,
        @JsonSerialize(using = MillisInstantSerializer.class) Instant timestamp,
        String source,
        String correlationId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String causationId,
        Map<String, Object> metadata,
        JsonNode data) {

    public static final String CURRENT_VERSION = "1.0";
    public static final int SUPPORTED_MAJOR_VERSION = 1;
    public static final int MAX_SERIALISED_BYTES = 64 * 1024;

    private static final JsonMapper DATA_MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(data, "data");
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The MAJOR part of {@link #version()}, or -1 when the version is not {@code MAJOR.MINOR}. */
    public int majorVersion() {
        int dot = version.indexOf('.');
        if (dot <= 0 || dot == version.length() - 1) {
            return -1;
        }
        try {
            Integer.parseInt(version.substring(dot + 1));
            return Integer.parseInt(version.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Binds {@link #data()} to a record; unknown fields are ignored (spec 00 §4.4, additive 1.x changes). */
    public <T> T dataAs(Class<T> type) {
        return DATA_MAPPER.treeToValue(data, type);
    }
}
