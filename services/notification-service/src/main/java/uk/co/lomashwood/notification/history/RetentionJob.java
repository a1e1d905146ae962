package uk.co.lomashwood.notification.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.events.lock.RedisLocks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code purge-old-logs} (spec 40 §1.6, retention of §1.4.11), daily at 02:00 London under the Redis lock
 * {@code notification:lock:job:purge-old-logs}: rendered bodies blanked after 90 days; notifications (with their
 * attempts, logs and delivery reports) deleted after 2 years; raw provider callbacks after 90 days, unmatched ones
 * after 7; expired suppressions dropped. Deletes run in batches so a backlog never holds long locks.
 */
@Component
class RetentionJob {

    static final Duration BODIES = Duration.ofDays(90);
    static final Duration ROWS = Duration.ofDays(730);
    static final Duration RAW_CALLBACKS = Duration.ofDays(90);
    static final Duration UNMATCHED_CALLBACKS = Duration.ofDays(7);
    static final Duration STALE_DEVICES = Duration.ofDays(270);
    private static final String LOCK = "notification:lock:job:purge-old-logs";
    private static final Duration LOCK_TTL = Duration.ofHours(1);
    private static final int BATCH = 5000;
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** What one run removed. */
    record Purged(int bodies, int notifications, int callbacks, int suppressions) {
    }

    private final JdbcClient jdbc;
    private final RedisLocks locks;
    private final Clock clock;

    RetentionJob(JdbcClient jdbc, RedisLocks locks, Clock clock) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 2 * * *", zone = "Europe/London")
    void nightly() {
        locks.runExclusively(LOCK, LOCK_TTL, () -> {
            Purged purged = purge();
            log.info("Retention purge: {} bodies blanked, {} notifications, {} callbacks, {} suppressions deleted",
                    purged.bodies(), purged.notifications(), purged.callbacks(), purged.suppressions());
        });
    }

    /** stale-device-tokens (spec 40 §1.6, ours): push tokens not seen for 270 days are deactivated. */
    @Scheduled(cron = "0 30 3 * * *", zone = "Europe/London")
    void staleDevices() {
        locks.runExclusively("notification:lock:job:stale-device-tokens", LOCK_TTL,
                () -> log.info("Deactivated {} stale push tokens", deactivateStaleDevices()));
    }

    int deactivateStaleDevices() {
        Timestamp now = ts(clock.instant());
        return jdbc.sql("""
                        UPDATE push_device_tokens SET is_active = false, deactivated_at = ?, updated_at = ?
                        WHERE is_active AND last_seen_at < ?""")
                .params(now, now, ts(clock.instant().minus(STALE_DEVICES))).update();
    }

    Purged purge() {
        Instant now = clock.instant();
        int bodies = batched("""
                UPDATE notifications SET body = NULL, html_body = NULL, updated_at = now() WHERE id IN (
                    SELECT id FROM notifications WHERE created_at < ? AND (body IS NOT NULL OR html_body IS NOT NULL)
                    LIMIT %d)""", ts(now.minus(BODIES)));
        int notifications = batched("""
                DELETE FROM notifications WHERE id IN (SELECT id FROM notifications WHERE created_at < ? LIMIT %d)""",
                ts(now.minus(ROWS)));
        int callbacks = batched("""
                DELETE FROM provider_webhook_events WHERE id IN (SELECT id FROM provider_webhook_events
                    WHERE created_at < ? OR (notification_id IS NULL AND created_at < ?) LIMIT %d)""",
                ts(now.minus(RAW_CALLBACKS)), ts(now.minus(UNMATCHED_CALLBACKS)));
        int suppressions = jdbc.sql("DELETE FROM notification_suppressions WHERE expires_at IS NOT NULL AND expires_at < ?")
                .param(ts(now)).update();
        return new Purged(bodies, notifications, callbacks, suppressions);
    }

    private int batched(String sql, Object... params) {
        int total = 0;
        int done;
        do {
            done = jdbc.sql(sql.formatted(BATCH)).params(params).update();
            total += done;
        } while (done == BATCH);
        return total;
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
