package uk.co.lomashwood.platform.events.outbox;

import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.core.id.Uuids;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventJson;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Publishes an event as part of the caller's transaction: the event is written to the {@code outbox} table and sent by
 * the {@link OutboxRelay} only once that transaction commits; a rollback discards it. Behaves like
 * {@code Propagation.MANDATORY}: calling it without an active transaction throws.
 */
public class OutboxPublisher {

    /** MDC key holding the current {@code X-Request-Id}; becomes the correlation id. */
    public static final String REQUEST_ID_MDC_KEY = "requestId";
    /** MDC key holding the event being handled; becomes the causation id of events published while handling it. */
    public static final String EVENT_ID_MDC_KEY = "eventId";

    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){1,3}");

    private final JdbcClient jdbc;
    private final EventJson json;
    private final String source;
    private final Clock clock;

    public OutboxPublisher(JdbcClient jdbc, EventJson json, String source, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.clock = clock;
    }

    /** @see #publish(String, String, Object, String, Map) */
    public EventEnvelope publish(String topic, String aggregateId, Object data) {
        return publish(topic, aggregateId, data, null, Map.of());
    }

    /**
     * @param topic       {@code {domain}.{entity}.{action}}, lower-case snake_case words
     * @param aggregateId id of the changed aggregate (also put in {@code metadata.aggregateId}); may be null
     * @param data        the payload: a record, a map or a JSON object node
     * @param causationId id of the event that caused this one; null means the event being handled on this thread, if any
     * @param metadata    extra non-business hints
     * @return the envelope as it will be published
     * @throws IllegalTransactionStateException when no transaction is active
     * @throws uk.co.lomashwood.platform.events.EventTooLargeException when the envelope exceeds 64 KB
     */
    public EventEnvelope publish(String topic, String aggregateId, Object data, String causationId,
                                 Map<String, ?> metadata) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "OutboxPublisher.publish needs the caller's transaction (propagation MANDATORY); topic " + topic);
        }
        EventEnvelope envelope = envelope(topic, aggregateId, data, causationId, metadata);
        jdbc.sql("""
                        INSERT INTO outbox (event_id, topic, aggregate_id, payload)
                        VALUES (:eventId, :topic, :aggregateId, CAST(:payload AS jsonb))""")
                .param("eventId", envelope.eventId())
                .param("topic", topic)
                .param("aggregateId", aggregateId)
                .param("payload", json.write(envelope))
                .update();
        return envelope;
    }

    private EventEnvelope envelope(String topic, String aggregateId, Object data, String causationId,
                                   Map<String, ?> extraMetadata) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("Topic must look like domain.entity.action: " + topic);
        }
        JsonNode tree = json.toTree(data);
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("Event data must be a JSON object; topic " + topic);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (aggregateId != null) {
            metadata.put("aggregateId", aggregateId);
        }
        if (extraMetadata != null) {
            metadata.putAll(extraMetadata);
        }
        return new EventEnvelope(
                Uuids.v7(clock),
                topic,
                EventEnvelope.CURRENT_VERSION,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                source,
                orElse(MDC.get(REQUEST_ID_MDC_KEY), Uuids.v4().toString()),
                causationId != null ? causationId : MDC.get(EVENT_ID_MDC_KEY),
                metadata,
                tree);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
