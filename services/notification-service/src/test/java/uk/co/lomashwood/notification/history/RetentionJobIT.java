package uk.co.lomashwood.notification.history;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The nightly retention purge of spec 40 §1.4.11 on rows aged by hand. */
class RetentionJobIT extends NotificationIntegrationTest {

    @Autowired
    private RetentionJob job;
    @Autowired
    private StringRedisTemplate redis;

    private UUID sentDaysAgo(int days) {
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "contact-acknowledgement-email", "channel", "EMAIL",
                        "recipient", body("email", unique("aged")),
                        "variables", Map.of("customerName", "Xan", "messagePreview", "Hello")));
        UUID id = UUID.fromString(reply.data().get("notificationId").asString());
        awaitStatus(id, "SENT");
        jdbc.sql("UPDATE notifications SET created_at = now() - make_interval(days => ?) WHERE id = ?")
                .params(days, id).update();
        return id;
    }

    private void callback(String eventId, UUID notificationId, int daysAgo) {
        jdbc.sql("""
                        INSERT INTO provider_webhook_events (id, notification_id, provider, provider_event_id, payload, created_at)
                        VALUES (?, ?, 'aws-ses', ?, '{}'::jsonb, now() - make_interval(days => ?))""")
                .params(UUID.randomUUID(), notificationId, eventId, daysAgo).update();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void bodiesGoAfter90DaysRowsAfter2YearsRawCallbacksAfter90AndUnmatchedAfter7Days() {
        UUID recent = sentDaysAgo(10);
        UUID old = sentDaysAgo(91);
        UUID ancient = sentDaysAgo(731);
        String prefix = UUID.randomUUID().toString();
        callback(prefix + "-matched-recent", recent, 8);
        callback(prefix + "-unmatched-recent", null, 3);
        callback(prefix + "-unmatched-old", null, 8);
        callback(prefix + "-raw-old", recent, 91);

        job.purge();

        assertThat(count("SELECT count(*) FROM notifications WHERE id = ? AND body IS NOT NULL AND html_body IS NOT NULL",
                recent)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notifications WHERE id = ? AND body IS NULL AND html_body IS NULL"
                + " AND subject IS NOT NULL", old)).as("the row stays, its content goes").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notifications WHERE id = ?", ancient)).isZero();
        assertThat(count("SELECT count(*) FROM notification_attempts WHERE notification_id = ?", ancient)).isZero();
        assertThat(jdbc.sql("SELECT provider_event_id FROM provider_webhook_events WHERE provider_event_id LIKE ?")
                .param(prefix + "%").query(String.class).list())
                .containsExactlyInAnyOrder(prefix + "-matched-recent", prefix + "-unmatched-recent");
    }

    /** A user with one push token last seen 271 days ago and one seen now. */
    private UUID userWithStaleAndFreshTokens() {
        UUID userId = UUID.randomUUID();
        for (String token : new String[] {"fcm-stale-" + userId, "fcm-fresh-" + userId}) {
            assertThat(api().as(userId, "CUSTOMER").post("/v1/notifications/me/devices",
                    body("token", token, "provider", "FIREBASE", "platform", "ANDROID")).status()).isEqualTo(201);
        }
        jdbc.sql("UPDATE push_device_tokens SET last_seen_at = now() - interval '271 days' WHERE token = ?")
                .param("fcm-stale-" + userId).update();
        return userId;
    }

    private List<String> activeTokens(UUID userId) {
        return jdbc.sql("SELECT token FROM push_device_tokens WHERE user_id = ? AND is_active ORDER BY token")
                .param(userId).query(String.class).list();
    }

    @Test
    void pushTokensNotSeenFor270DaysAreDeactivated() {
        UUID userId = userWithStaleAndFreshTokens();

        assertThat(job.deactivateStaleDevices()).isGreaterThanOrEqualTo(1);

        assertThat(activeTokens(userId)).containsExactly("fcm-fresh-" + userId);
    }

    @Test
    void theScheduledRunWaitsWhileAnotherInstanceHoldsTheJobLock() {
        UUID userId = userWithStaleAndFreshTokens();
        String lock = "notification:lock:job:stale-device-tokens";
        redis.opsForValue().set(lock, "another-instance", Duration.ofMinutes(1));
        try {
            job.staleDevices();
            assertThat(activeTokens(userId)).containsExactly("fcm-fresh-" + userId, "fcm-stale-" + userId);
            assertThat(redis.opsForValue().get(lock)).as("not ours to release").isEqualTo("another-instance");
        } finally {
            redis.delete(lock);
        }

        job.staleDevices();

        assertThat(activeTokens(userId)).containsExactly("fcm-fresh-" + userId);
        assertThat(redis.hasKey(lock)).as("released after the run").isFalse();
    }
}
