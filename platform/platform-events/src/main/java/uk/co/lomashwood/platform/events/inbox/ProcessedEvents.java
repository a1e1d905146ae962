package uk.co.lomashwood.platform.events.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/** The {@code processed_events} inbox table: one row per event and handler. */
class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event for the handler in the current transaction. A concurrent delivery of the same event waits on
     * this row and then finds it, so only one of them applies the handler.
     *
     * @return false when the handler already processed the event
     */
    boolean markProcessed(UUID eventId, String consumer, String topic) {
        return jdbc.sql("""
                        INSERT INTO processed_events (event_id, consumer, topic) VALUES (:eventId, :consumer, :topic)
                        ON CONFLICT DO NOTHING""")
                .param("eventId", eventId)
                .param("consumer", consumer)
                .param("topic", topic)
                .update() == 1;
    }
}
