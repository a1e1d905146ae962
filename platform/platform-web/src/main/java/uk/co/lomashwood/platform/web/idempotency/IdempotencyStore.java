package uk.co.lomashwood.platform.web.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The service's own {@code idempotency_keys} table. A key is claimed by inserting it; the unique
 * primary key makes the claim atomic across instances.
 */
public class IdempotencyStore {

    public static final Duration RETENTION = Duration.ofHours(24);

    public sealed interface Claim permits Claimed, InProgress, Completed, Mismatch {
    }

    public record Claimed() implements Claim {
    }

    public record InProgress() implements Claim {
    }

    public record Completed(StoredResponse response) implements Claim {
    }

    public record Mismatch() implements Claim {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public IdempotencyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Claim claim(String scope, String key, String fingerprint) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM idempotency_keys WHERE scope = ? AND idem_key = ? AND expires_at < ?")
                .params(scope, key, java.sql.Timestamp.from(now)).update();
        int inserted = jdbc.sql("""
                        INSERT INTO idempotency_keys (scope, idem_key, fingerprint, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(scope, key, fingerprint, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now.plus(RETENTION)))
                .update();
        if (inserted == 1) {
            return new Claimed();
        }
        Optional<Row> existing = jdbc.sql("""
                        SELECT fingerprint, response_status, content_type, location, response_body
                        FROM idempotency_keys WHERE scope = ? AND idem_key = ?""")
                .params(scope, key)
                .query((rs, n) -> new Row(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
                .optional();
        if (existing.isEmpty()) {
            return claim(scope, key, fingerprint);
        }
        Row row = existing.get();
        if (!row.fingerprint().equals(fingerprint)) {
            return new Mismatch();
        }
        if (row.status() == null) {
            return new InProgress();
        }
        return new Completed(new StoredResponse(row.status(), row.contentType(), row.location(), row.body()));
    }

    public void complete(String scope, String key, StoredResponse response) {
        jdbc.sql("""
                        UPDATE idempotency_keys SET response_status = ?, content_type = ?, location = ?, response_body = ?
                        WHERE scope = ? AND idem_key = ?""")
                .params(response.status(), response.contentType(), response.location(), response.body(), scope, key)
                .update();
    }

    /** 5xx and 429 answers are not kept, so the client may retry with the same key. */
    public void release(String scope, String key) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE scope = ? AND idem_key = ?").params(scope, key).update();
    }

    public int purgeExpired() {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE expires_at < ?")
                .params(java.sql.Timestamp.from(clock.instant())).update();
    }

    private record Row(String fingerprint, Integer status, String contentType, String location, byte[] body) {
    }
}
