package uk.co.lomashwood.notification.gate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.PreferenceTopic;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One row per (user, channel, topic); a missing row means the default of spec 40 §1.4.6. The {@code ALL} row
 * of a channel is its master switch and carries the quiet hours.
 */
@Component
public class Preferences {

    public record QuietHours(boolean enabled, String start, String end, String timezone) {
        public static final QuietHours OFF = new QuietHours(false, "21:00", "08:00", "Europe/London");
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public Preferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static boolean byDefault(Channel channel, PreferenceTopic topic) {
        return switch (topic) {
            case NEWSLETTER, PROMOTIONS -> false;
            case ORDER_UPDATES -> channel != Channel.SMS;
            default -> true;
        };
    }

    /** @param topic null for a mandatory message, which is always allowed */
    public boolean allowed(UUID userId, Channel channel, PreferenceTopic topic) {
        if (topic == null || userId == null) {
            return true;
        }
        Map<PreferenceTopic, Boolean> rows = rows(userId, channel);
        return rows.getOrDefault(PreferenceTopic.ALL, true) && rows.getOrDefault(topic, byDefault(channel, topic));
    }

    public Map<PreferenceTopic, Boolean> rows(UUID userId, Channel channel) {
        Map<PreferenceTopic, Boolean> rows = new HashMap<>();
        jdbc.sql("SELECT topic, enabled FROM notification_preferences WHERE user_id = ? AND channel = ?")
                .params(userId, channel.name())
                .query((rs, n) -> rows.put(PreferenceTopic.valueOf(rs.getString("topic")), rs.getBoolean("enabled")))
                .list();
        return rows;
    }

    public boolean enabled(UUID userId, Channel channel, PreferenceTopic topic) {
        Map<PreferenceTopic, Boolean> rows = rows(userId, channel);
        return rows.getOrDefault(topic, topic == PreferenceTopic.ALL || byDefault(channel, topic));
    }

    /** Right to object / admin {@code optOutAll}: every non-mandatory topic off on every channel (spec 40 §1.4.6). */
    public void optOutAll(UUID userId) {
        for (Channel channel : Channel.values()) {
            for (PreferenceTopic topic : PreferenceTopic.values()) {
                if (topic != PreferenceTopic.ALL) {
                    set(userId, channel, topic, false);
                }
            }
        }
    }

    public void set(UUID userId, Channel channel, PreferenceTopic topic, boolean enabled) {
        jdbc.sql("""
                        INSERT INTO notification_preferences (id, user_id, channel, topic, enabled, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (user_id, channel, topic) DO UPDATE SET enabled = EXCLUDED.enabled,
                            updated_at = EXCLUDED.updated_at""")
                .params(Uuids.v7(), userId, channel.name(), topic.name(), enabled, Timestamp.from(clock.instant()))
                .update();
    }

    public QuietHours quietHours(UUID userId, Channel channel) {
        if (userId == null) {
            return QuietHours.OFF;
        }
        Optional<QuietHours> row = jdbc.sql("""
                        SELECT quiet_hours_enabled, quiet_hours_start, quiet_hours_end, timezone
                        FROM notification_preferences WHERE user_id = ? AND channel = ? AND topic = 'ALL'""")
                .params(userId, channel.name())
                .query((rs, n) -> new QuietHours(rs.getBoolean(1), orDefault(rs.getString(2), "21:00"),
                        orDefault(rs.getString(3), "08:00"), orDefault(rs.getString(4), "Europe/London")))
                .optional();
        return row.orElse(QuietHours.OFF);
    }

    public void setQuietHours(UUID userId, Channel channel, QuietHours hours) {
        jdbc.sql("""
                        INSERT INTO notification_preferences (id, user_id, channel, topic, enabled, quiet_hours_enabled,
                            quiet_hours_start, quiet_hours_end, timezone, updated_at)
                        VALUES (?, ?, ?, 'ALL', true, ?, ?, ?, ?, ?)
                        ON CONFLICT (user_id, channel, topic) DO UPDATE SET quiet_hours_enabled = EXCLUDED.quiet_hours_enabled,
                            quiet_hours_start = EXCLUDED.quiet_hours_start, quiet_hours_end = EXCLUDED.quiet_hours_end,
                            timezone = EXCLUDED.timezone, updated_at = EXCLUDED.updated_at""")
                .params(Uuids.v7(), userId, channel.name(), hours.enabled(), hours.start(), hours.end(),
                        hours.timezone(), Timestamp.from(clock.instant()))
                .update();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
