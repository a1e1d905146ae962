package uk.co.lomashwood.platform.events.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** SQL of the {@code outbox} table. */
class OutboxStore {

    private static final int PRUNE_CHUNK = 5_000;

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks due rows; rows locked by another relay are skipped, so each relay gets its own. */
    List<OutboxRow> lockDue(int limit) {
        return jdbc.sql("""
                        SELECT id, topic, payload::text AS payload, attempts FROM outbox
                        WHERE published_at IS NULL AND next_attempt_at <= clock_timestamp()
                        ORDER BY created_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .param("limit", limit)
                .query((rs, row) -> new OutboxRow(rs.getObject("id", UUID.class), rs.getString("topic"),
                        rs.getString("payload"), rs.getInt("attempts")))
                .list();
    }

    void markPublished(List<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            UPDATE outbox SET published_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL
                            WHERE id IN (:ids)""")
                    .param("ids", ids)
                    .update();
        }
    }

    void markFailed(UUID id, int attempts, Duration retryIn, String error) {
        jdbc.sql("""
                        UPDATE outbox SET attempts = :attempts, last_error = :error,
                               next_attempt_at = clock_timestamp() + :retryMillis * interval '1 millisecond'
                        WHERE id = :id""")
                .param("attempts", attempts)
                .param("error", error)
                .param("retryMillis", retryIn.toMillis())
                .param("id", id)
                .update();
    }

    /** Deletes rows published before the cutoff, in chunks so no lock is held for long. */
    int prunePublishedBefore(Instant cutoff) {
        return deleteInChunks("SELECT id FROM outbox WHERE published_at < :cutoff LIMIT :chunk", "outbox", "id", cutoff);
    }

    /** Deletes inbox rows processed before the cutoff, in chunks. */
    int pruneProcessedBefore(Instant cutoff) {
        return deleteInChunks("SELECT ctid FROM processed_events WHERE processed_at < :cutoff LIMIT :chunk",
                "processed_events", "ctid", cutoff);
    }

    private int deleteInChunks(String selectChunk, String table, String key, Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("DELETE FROM " + table + " WHERE " + key + " = ANY (ARRAY(" + selectChunk + "))")
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("chunk", PRUNE_CHUNK)
                    .update();
            total += deleted;
        } while (deleted == PRUNE_CHUNK);
        return total;
    }

    long countPending() {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL").query(Long.class).single();
    }

    double oldestPendingSeconds() {
        return jdbc.sql("""
                        SELECT coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)
                        FROM outbox WHERE published_at IS NULL""")
                .query(Double.class).single();
    }
}
