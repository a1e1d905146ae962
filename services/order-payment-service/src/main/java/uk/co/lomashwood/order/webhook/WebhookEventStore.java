package uk.co.lomashwood.order.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.co.lomashwood.order.stripe.StripeEvent;

/** {@code webhook_events} (spec 20 §2.2): the authoritative de-duplication and retry record of Stripe events. */
@Repository
public class WebhookEventStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public WebhookEventStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The new row's id, or empty when the event was already stored (ON CONFLICT DO NOTHING). */
    public Optional<UUID> insert(StripeEvent event, WebhookStatus status) {
        return jdbc.sql("""
                        INSERT INTO webhook_events (id, provider, event_id, event_type, livemode, api_version, payload,
                               status, received_at, processed_at)
                        VALUES (:id, 'STRIPE', :eventId, :type, :livemode, :apiVersion, CAST(:payload AS jsonb), :status,
                               :now, CASE WHEN :status = 'IGNORED' THEN CAST(:now AS timestamptz) END)
                        ON CONFLICT (provider, event_id) DO NOTHING RETURNING id""")
                .param("id", UUID.randomUUID()).param("eventId", event.id()).param("type", event.type())
                .param("livemode", event.livemode()).param("apiVersion", truncate(event.apiVersion(), 20))
                .param("payload", event.rawJson()).param("status", status.name()).param("now", now())
                .query(UUID.class).optional();
    }

    public Optional<WebhookStatus> status(String eventId) {
        return jdbc.sql("SELECT status FROM webhook_events WHERE provider = 'STRIPE' AND event_id = ?").param(eventId)
                .query(String.class).optional().map(WebhookStatus::valueOf);
    }

    public void markProcessed(UUID id) {
        jdbc.sql("""
                        UPDATE webhook_events SET status = 'PROCESSED', processed_at = :now, failure_reason = NULL,
                               next_retry_at = NULL WHERE id = :id""")
                .param("now", now()).param("id", id).update();
    }

    /** FAILED with the next replay due after {@code delay}, or DEAD_LETTERED when {@code delay} is null. */
    public void markFailed(UUID id, String reason, Duration delay) {
        jdbc.sql("""
                        UPDATE webhook_events SET status = :status, failure_reason = :reason, next_retry_at = :next
                        WHERE id = :id""")
                .param("status", delay == null ? WebhookStatus.DEAD_LETTERED.name() : WebhookStatus.FAILED.name())
                .param("reason", reason).param("next", delay == null ? null : Timestamp.from(clock.instant().plus(delay)))
                .param("id", id).update();
    }

    /** A row about to be replayed: claims it (FOR UPDATE SKIP LOCKED) and counts the retry; empty if taken. */
    public Optional<Due> claimForRetry(UUID id) {
        return jdbc.sql("""
                        UPDATE webhook_events SET retry_count = retry_count + 1, last_retried_at = :now,
                               status = 'RECEIVED', next_retry_at = NULL
                        WHERE id = (SELECT id FROM webhook_events WHERE id = :id AND status IN ('FAILED', 'RECEIVED')
                                    FOR UPDATE SKIP LOCKED)
                        RETURNING id, retry_count, payload::text AS payload""")
                .param("now", now()).param("id", id)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getInt("retry_count"),
                        rs.getString("payload")))
                .optional();
    }

    /** FAILED rows whose replay is due, and rows left RECEIVED by an instance that stopped mid-way. */
    public List<UUID> due(Duration stuckAfter, int limit) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        SELECT id FROM webhook_events
                        WHERE (status = 'FAILED' AND next_retry_at <= :now)
                           OR (status = 'RECEIVED' AND COALESCE(last_retried_at, received_at) < :stuck)
                        ORDER BY received_at LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("stuck", Timestamp.from(now.minus(stuckAfter)))
                .param("limit", limit).query(UUID.class).list();
    }

    public record Due(UUID id, int retryCount, String payload) {
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
