package uk.co.lomashwood.notification.webhook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.dispatch.NotificationEvents;
import uk.co.lomashwood.notification.dispatch.NotificationRow;
import uk.co.lomashwood.notification.dispatch.NotificationStore;
import uk.co.lomashwood.notification.message.NotificationStatus;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;


/**
 * Provider callbacks (spec 40 §1.4.9): the raw event is stored once per provider event id (a replay is recognised and
 * ignored), matched to its notification by provider message id, normalised into {@code delivery_reports}, and the
 * notification settled (SENT → DELIVERED / FAILED / BOUNCED, never backwards). Unmatched events are kept with no
 * notification (purged after 7 days).
 */
@Component
class DeliveryReports {

    /** One normalised report; {@code status} is a DeliveryReportStatus. */
    record Report(String status, Instant providerTimestamp, String bounceType, String bounceReason, Integer segments) {
        static Report of(String status) {
            return new Report(status, null, null, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final NotificationStore store;
    private final NotificationEvents events;
    private final Clock clock;

    DeliveryReports(JdbcClient jdbc, NotificationStore store, NotificationEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** @return false for a replayed event (already stored) */
    boolean receive(String provider, String providerEventId, String eventType, String payloadJson) {
        return jdbc.sql("""
                        INSERT INTO provider_webhook_events (id, provider, provider_event_id, event_type, payload, updated_at)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?) ON CONFLICT (provider, provider_event_id) DO NOTHING""")
                .params(Uuids.v7(), provider, providerEventId, eventType, payloadJson, Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /** Links the stored event to its notification, if one matches; marks it processed either way. */
    Optional<NotificationRow> match(String provider, String providerEventId, String... providerMessageIds) {
        Optional<NotificationRow> row = Optional.empty();
        for (String id : providerMessageIds) {
            row = row.or(() -> store.byProviderMessageId(id));
        }
        jdbc.sql("""
                        UPDATE provider_webhook_events SET notification_id = ?, processed = true, processed_at = ?, updated_at = ?
                        WHERE provider = ? AND provider_event_id = ?""")
                .params(row.map(NotificationRow::id).orElse(null), Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()), provider, providerEventId).update();
        return row;
    }

    void report(NotificationRow row, String provider, String providerMessageId, Report report, String rawJson) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO delivery_reports (id, notification_id, provider, status, provider_message_id,
                            provider_timestamp, provider_raw, opened_at, clicked_at, bounced_at, complained_at,
                            bounce_type, bounce_reason, segments, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Uuids.v7(), row.id(), provider, report.status(), providerMessageId,
                        ts(report.providerTimestamp()), rawJson, at(report, "OPENED", now), at(report, "CLICKED", now),
                        at(report, "BOUNCED", now), at(report, "COMPLAINED", now), report.bounceType(),
                        report.bounceReason(), report.segments(), Timestamp.from(now))
                .update();
    }

    void delivered(NotificationRow row) {
        if (store.settle(row.id(), NotificationStatus.DELIVERED, null, null)) {
            events.delivered(row, clock.instant());
        }
    }

    /** @return true when the notification moved to FAILED now */
    boolean failed(NotificationRow row, String error) {
        if (store.settle(row.id(), NotificationStatus.FAILED, "PERMANENT_PROVIDER_ERROR", error)) {
            events.failed(row, error, row.retryCount() + 1, clock.instant());
            return true;
        }
        return false;
    }

    /** @return true when the notification moved to BOUNCED now */
    boolean bounced(NotificationRow row, String bounceType, String reason) {
        if (store.settle(row.id(), NotificationStatus.BOUNCED, null, reason)) {
            events.bounced(row, bounceType, clock.instant());
            return true;
        }
        return false;
    }

    private static Timestamp at(Report report, String status, Instant now) {
        return status.equals(report.status()) ? Timestamp.from(report.providerTimestamp() == null ? now
                : report.providerTimestamp()) : null;
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
