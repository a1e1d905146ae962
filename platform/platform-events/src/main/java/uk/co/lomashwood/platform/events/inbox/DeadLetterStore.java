package uk.co.lomashwood.platform.events.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of the {@code dead_letter_events} table. */
class DeadLetterStore {

    private static final String COLUMNS =
            "id, event_id, consumer, topic, payload, reason, error, attempts, created_at, redriven_at";

    private final JdbcClient jdbc;

    DeadLetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent per event and handler while the dead letter is open. */
    void record(UUID eventId, String consumer, String topic, String payload, String reason, String error,
                int attempts) {
        jdbc.sql("""
                        INSERT INTO dead_letter_events (event_id, consumer, topic, payload, reason, error, attempts)
                        VALUES (:eventId, :consumer, :topic, :payload, :reason, :error, :attempts)
                        ON CONFLICT (event_id, consumer) WHERE redriven_at IS NULL DO NOTHING""")
                .param("eventId", eventId)
                .param("consumer", consumer)
                .param("topic", topic)
                .param("payload", payload == null ? "" : payload)
                .param("reason", reason)
                .param("error", truncate(error))
                .param("attempts", attempts)
                .update();
    }

    List<DeadLetter> findOpen(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter_events WHERE redriven_at IS NULL"
                        + " ORDER BY created_at LIMIT :limit")
                .param("limit", limit)
                .query(DeadLetterStore::map)
                .list();
    }

    Optional<DeadLetter> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter_events WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(DeadLetterStore::map)
                .optional();
    }

    void markRedriven(UUID id) {
        jdbc.sql("UPDATE dead_letter_events SET redriven_at = clock_timestamp() WHERE id = :id")
                .param("id", id)
                .update();
    }

    long countOpen() {
        return jdbc.sql("SELECT count(*) FROM dead_letter_events WHERE redriven_at IS NULL")
                .query(Long.class).single();
    }

    private static DeadLetter map(ResultSet rs, int row) throws SQLException {
        Timestamp redriven = rs.getTimestamp("redriven_at");
        return new DeadLetter(
                rs.getObject("id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getString("consumer"),
                rs.getString("topic"),
                rs.getString("payload"),
                rs.getString("reason"),
                rs.getString("error"),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                redriven == null ? null : redriven.toInstant());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 4000 ? error : error.substring(0, 4000);
    }
}
