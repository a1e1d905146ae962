package uk.co.lomashwood.notification.dispatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.message.NotificationStatus;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and state changes of {@code notifications}, each transition logged in {@code notification_logs}. */
@Component
public class NotificationStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public NotificationStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<NotificationRow> find(UUID id) {
        return jdbc.sql("SELECT " + NotificationRows.COLUMNS + " FROM notifications WHERE id = ? AND deleted_at IS NULL")
                .param(id).query(NotificationRows.MAPPER).optional();
    }

    public Optional<NotificationRow> byIdempotencyKey(String key) {
        return jdbc.sql("SELECT " + NotificationRows.COLUMNS + " FROM notifications WHERE idempotency_key = ?")
                .param(key).query(NotificationRows.MAPPER).optional();
    }

    /**
     * A row still PROCESSING this long after its claim was abandoned by an instance that stopped mid-send (a
     * provider call times out after 10 s). It is sent again: a possible duplicate beats a lost message.
     */
    static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(5);
    /** A campaign's messages go out only while it is RUNNING (paused ones wait, spec 40 §1.3 campaigns). */
    private static final String CAMPAIGN_RUNNING = "(campaign_id IS NULL OR EXISTS (SELECT 1 FROM campaigns c"
            + " WHERE c.id = notifications.campaign_id AND c.status = 'RUNNING'))";

    /**
     * Atomically moves a due row to PROCESSING; the single winner of this update is the only caller allowed to
     * hand the message to a provider, which is what keeps a notification from being sent twice.
     */
    public Optional<NotificationRow> claim(UUID id) {
        Timestamp now = now();
        int claimed = jdbc.sql("""
                        UPDATE notifications SET status = 'PROCESSING', processed_at = ?, updated_at = ?
                        WHERE id = ? AND (status = 'QUEUED'
                            OR (status = 'SCHEDULED' AND scheduled_at <= ?)
                            OR (status IN ('FAILED', 'DEAD_LETTERED') AND status_reason IS NULL AND next_retry_at <= ?)
                            OR (status = 'PROCESSING' AND updated_at < ?))
                          AND """ + " " + CAMPAIGN_RUNNING)
                .params(now, now, id, now, now, abandonedBefore()).update();
        return claimed == 1 ? find(id) : Optional.empty();
    }

    public List<UUID> due(int limit) {
        Timestamp now = now();
        return jdbc.sql("""
                        SELECT id FROM notifications
                        WHERE """ + " " + CAMPAIGN_RUNNING + """
                          AND ((status = 'SCHEDULED' AND scheduled_at <= ?)
                           OR (status IN ('FAILED', 'DEAD_LETTERED') AND status_reason IS NULL AND next_retry_at <= ?)
                           OR (status = 'QUEUED' AND updated_at < ?)
                           OR (status = 'PROCESSING' AND updated_at < ?))
                        ORDER BY priority DESC, created_at LIMIT ?""")
                .params(now, now, Timestamp.from(clock.instant().minusSeconds(30)), abandonedBefore(), limit)
                .query(UUID.class).list();
    }

    private Timestamp abandonedBefore() {
        return Timestamp.from(clock.instant().minus(ABANDONED_AFTER));
    }

    public void transition(UUID id, NotificationStatus status, String reason, String message) {
        jdbc.sql("UPDATE notifications SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), reason, now(), id).update();
        log(id, status.name(), status, message);
    }

    public void schedule(UUID id, Instant at, String why) {
        jdbc.sql("UPDATE notifications SET status = 'SCHEDULED', scheduled_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(at), now(), id).update();
        log(id, "SCHEDULED", NotificationStatus.SCHEDULED, why);
    }

    public void sent(UUID id, String provider, String providerMessageId) {
        jdbc.sql("""
                        UPDATE notifications SET status = 'SENT', provider = ?, provider_message_id = ?, sent_at = ?,
                            next_retry_at = NULL, updated_at = ? WHERE id = ?""")
                .params(provider, providerMessageId, now(), now(), id).update();
        log(id, "SENT", NotificationStatus.SENT, provider);
    }

    public void failed(UUID id, NotificationStatus status, String reason, int retryCount, Instant nextRetryAt,
                       String error) {
        Timestamp now = now();
        jdbc.sql("""
                        UPDATE notifications SET status = ?, status_reason = ?, retry_count = ?, next_retry_at = ?,
                            last_error = ?, last_error_at = ?, failed_at = COALESCE(failed_at, ?), updated_at = ?
                        WHERE id = ?""")
                .params(status.name(), reason, retryCount, nextRetryAt == null ? null : Timestamp.from(nextRetryAt),
                        error, now, now, now, id).update();
        log(id, status.name(), status, error);
    }

    /** The notification a provider callback refers to (SES message id or our Message-ID header, Twilio SID). */
    public Optional<NotificationRow> byProviderMessageId(String providerMessageId) {
        if (providerMessageId == null || providerMessageId.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + NotificationRows.COLUMNS + " FROM notifications WHERE provider_message_id = ?")
                .param(providerMessageId).query(NotificationRows.MAPPER).optional();
    }

    /**
     * A provider's final word (spec 40 §1.4.9): SENT → DELIVERED, FAILED or BOUNCED only, so a status never moves
     * backwards (a late {@code sent} after {@code delivered}, or a second callback, changes nothing).
     * @return false when the notification was not SENT any more
     */
    public boolean settle(UUID id, NotificationStatus status, String reason, String error) {
        Timestamp now = now();
        int updated = jdbc.sql("""
                        UPDATE notifications SET status = ?, status_reason = ?, last_error = COALESCE(?, last_error),
                            delivered_at = CASE WHEN ? = 'DELIVERED' THEN ? ELSE delivered_at END,
                            failed_at = CASE WHEN ? = 'DELIVERED' THEN failed_at ELSE ? END, updated_at = ?
                        WHERE id = ? AND status = 'SENT'""")
                .params(status.name(), reason, error, status.name(), now, status.name(), now, now, id).update();
        if (updated == 1) {
            log(id, status.name(), status, error);
        }
        return updated == 1;
    }

    /** Drops the rendered content once it is no longer needed for a retry. */
    public void forgetBody(UUID id) {
        jdbc.sql("UPDATE notifications SET body = NULL, html_body = NULL WHERE id = ?").param(id).update();
    }

    /** Redacts the recipient as GDPR erasure does (spec 40 §1.4.11): the only pseudonymous email is kept. */
    public void forgetRecipient(UUID id) {
        jdbc.sql("""
                        UPDATE notifications SET recipient_email = CASE WHEN recipient_id IS NULL THEN NULL
                            ELSE 'deleted-' || recipient_id || '@erased.invalid' END, recipient_id = NULL,
                            recipient_phone = NULL, metadata = NULL, body = NULL, html_body = NULL WHERE id = ?""")
                .param(id).update();
    }

    /** An admin cancel: only before the send (PENDING, SCHEDULED, QUEUED). */
    public boolean cancel(UUID id) {
        int updated = jdbc.sql("""
                        UPDATE notifications SET status = 'CANCELLED', status_reason = 'CANCELLED_BY_ADMIN', updated_at = ?
                        WHERE id = ? AND status IN ('PENDING', 'SCHEDULED', 'QUEUED')""")
                .params(now(), id).update();
        if (updated == 1) {
            log(id, "CANCELLED", NotificationStatus.CANCELLED, "by an admin");
        }
        return updated == 1;
    }

    /** An admin retry: a fresh attempt budget. */
    public boolean requeue(UUID id) {
        int updated = jdbc.sql("""
                        UPDATE notifications SET status = 'QUEUED', status_reason = NULL, retry_count = 0,
                            next_retry_at = NULL, failed_at = NULL, updated_at = ?
                        WHERE id = ? AND status IN ('FAILED', 'DEAD_LETTERED')""")
                .params(now(), id).update();
        if (updated == 1) {
            log(id, "RETRY_REQUESTED", NotificationStatus.QUEUED, null);
        }
        return updated == 1;
    }

    /** @param failover true for a call to a fallback provider within the same attempt */
    public void attempt(UUID id, int attemptNo, String provider, Instant started, String outcome, String errorCode,
                        String error, String providerMessageId, boolean failover) {
        Instant finished = clock.instant();
        jdbc.sql("""
                        INSERT INTO notification_attempts (id, notification_id, attempt_no, provider, started_at,
                            finished_at, latency_ms, outcome, error_code, error_message, provider_message_id, failover)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Uuids.v7(), id, attemptNo, provider, Timestamp.from(started), Timestamp.from(finished),
                        (int) Math.max(0, finished.toEpochMilli() - started.toEpochMilli()), outcome, errorCode,
                        error, providerMessageId, failover)
                .update();
    }

    public void log(UUID id, String event, NotificationStatus status, String message) {
        jdbc.sql("INSERT INTO notification_logs (id, notification_id, event, status, message, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(Uuids.v7(), id, event, status.name(), message, now()).update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
