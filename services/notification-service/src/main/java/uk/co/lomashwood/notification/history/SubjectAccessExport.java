package uk.co.lomashwood.notification.history;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything this service holds about a user for customer-service's subject access request (spec 40 §1.3):
 * notifications (bodies only while younger than 90 days), preferences, contact addresses, device tokens truncated.
 */
@Component
public class SubjectAccessExport {

    private final JdbcClient jdbc;
    private final Clock clock;

    public SubjectAccessExport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Map<String, Object> export(UUID userId) {
        Timestamp bodiesSince = Timestamp.from(clock.instant().minus(Duration.ofDays(90)));
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("userId", userId);
        export.put("notifications", rows("""
                SELECT id, channel, category, status, template_slug AS template, recipient_email AS email,
                    recipient_phone AS phone, subject, CASE WHEN created_at >= ? THEN body END AS body,
                    sent_at AS "sentAt", created_at AS "createdAt"
                FROM notifications WHERE recipient_id = ? AND recipient_type = 'CUSTOMER' ORDER BY created_at""",
                bodiesSince, userId));
        export.put("preferences", rows("""
                SELECT channel, topic, enabled, quiet_hours_enabled AS "quietHoursEnabled",
                    quiet_hours_start AS "quietHoursStart", quiet_hours_end AS "quietHoursEnd", timezone
                FROM notification_preferences WHERE user_id = ? ORDER BY channel, topic""", userId));
        export.put("subscriptions", rows("""
                SELECT channel, address, status, is_primary AS "isPrimary", created_at AS "createdAt"
                FROM notification_subscriptions WHERE user_id = ? ORDER BY created_at""", userId));
        export.put("deviceTokens", rows("""
                SELECT id, left(token, 12) || '…' AS token, provider, platform, is_active AS "isActive",
                    last_seen_at AS "lastSeenAt" FROM push_device_tokens WHERE user_id = ? ORDER BY created_at""", userId));
        return export;
    }

    private List<Map<String, Object>> rows(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query().listOfRows();
    }
}
