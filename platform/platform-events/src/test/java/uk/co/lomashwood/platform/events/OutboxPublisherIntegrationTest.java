package uk.co.lomashwood.platform.events;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.MDC;
import org.springframework.transaction.IllegalTransactionStateException;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Relay switched off: the outbox rows stay as the publisher wrote them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxPublisherIntegrationTest {

    private TestService service;

    @BeforeAll
    void start() {
        service = TestService.start("it-publisher", "events_it_publisher",
                Map.of("lomash.events.relay.enabled", "false"));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void publishingOutsideATransactionFailsLoudly() {
        assertThatThrownBy(() -> publisher().publish("it.thing.created", "agg", Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void writesTheEnvelopeToTheOutboxInTheCallersTransaction() {
        MDC.put("requestId", "req-outbox-0001");
        EventEnvelope event;
        try {
            event = service.inTransaction(() -> publisher().publish("it.thing.created", "agg-9",
                    Map.of("thingId", "t-9"), "cause-1", Map.of("traceparent", "00-abc-def-01")));
        } finally {
            MDC.remove("requestId");
        }

        Map<String, Object> row = service.jdbc().sql("""
                        SELECT topic, aggregate_id, payload->>'correlationId' AS correlation_id,
                               payload->>'source' AS source, payload->>'version' AS version,
                               payload->>'timestamp' AS timestamp, payload->>'causationId' AS causation_id,
                               payload->'metadata'->>'aggregateId' AS metadata_aggregate_id,
                               payload->'metadata'->>'traceparent' AS traceparent,
                               payload->'data'->>'thingId' AS thing_id, published_at, attempts
                        FROM outbox WHERE event_id = ?""")
                .param(event.eventId()).query().singleRow();
        assertThat(row).containsEntry("topic", "it.thing.created").containsEntry("aggregate_id", "agg-9")
                .containsEntry("correlation_id", "req-outbox-0001").containsEntry("source", "it-publisher")
                .containsEntry("version", "1.0").containsEntry("causation_id", "cause-1")
                .containsEntry("metadata_aggregate_id", "agg-9").containsEntry("traceparent", "00-abc-def-01")
                .containsEntry("thing_id", "t-9").containsEntry("published_at", null).containsEntry("attempts", 0);
        assertThat((String) row.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(event.eventId().version()).isEqualTo(7);
    }

    @Test
    void withoutARequestIdACorrelationIdIsGenerated() {
        EventEnvelope event = service.inTransaction(() -> publisher().publish("it.thing.created", null, Map.of()));

        assertThat(event.correlationId()).isNotBlank();
        assertThat(event.metadata()).doesNotContainKey("aggregateId");
    }

    @Test
    void rejectsBadTopicsNonObjectDataAndOversizedEventsWithoutWriting() {
        long before = outboxRows();
        assertThatThrownBy(() -> service.inTransaction(() -> publisher().publish("ThingCreated", "a", Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.inTransaction(() -> publisher().publish("it.thing.created", "a", "text")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.inTransaction(() -> publisher().publish("it.thing.created", "a",
                Map.of("blob", "x".repeat(70_000))))).isInstanceOf(EventTooLargeException.class);
        assertThat(outboxRows()).isEqualTo(before);
    }

    private long outboxRows() {
        return service.jdbc().sql("SELECT count(*) FROM outbox").query(Long.class).single();
    }

    private OutboxPublisher publisher() {
        return service.bean(OutboxPublisher.class);
    }
}
