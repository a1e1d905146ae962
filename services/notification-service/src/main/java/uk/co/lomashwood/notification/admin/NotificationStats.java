package uk.co.lomashwood.notification.admin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.message.Channel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/admin/notifications/stats} (spec 40 §1.3): per channel the totals by outcome and the rates in % with
 * two decimals (delivery and bounce of what was sent, open and click of what was delivered), plus per-provider counts;
 * default window the last 30 days.
 */
@Component
public class NotificationStats {

    public record ChannelStats(long total, long sent, long delivered, long failed, long bounced, long complained,
                               long suppressed, BigDecimal deliveryRate, BigDecimal bounceRate, BigDecimal openRate,
                               BigDecimal clickRate) {
    }

    public record Stats(Instant from, Instant to, Map<String, ChannelStats> channels, Map<String, Long> providers) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public NotificationStats(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Stats between(Instant from, Instant to, Channel only) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        Map<String, ChannelStats> channels = new LinkedHashMap<>();
        for (Channel channel : only == null ? List.of(Channel.values()) : List.of(only)) {
            Map<String, Object> row = jdbc.sql("""
                            SELECT count(*) AS total,
                                count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent,
                                count(*) FILTER (WHERE status = 'DELIVERED') AS delivered,
                                count(*) FILTER (WHERE status IN ('FAILED', 'DEAD_LETTERED')) AS failed,
                                count(*) FILTER (WHERE status = 'BOUNCED') AS bounced,
                                count(*) FILTER (WHERE status = 'SUPPRESSED') AS suppressed,
                                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM delivery_reports r
                                    WHERE r.notification_id = n.id AND r.status = 'COMPLAINED')) AS complained,
                                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM delivery_reports r
                                    WHERE r.notification_id = n.id AND r.status = 'OPENED')) AS opened,
                                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM delivery_reports r
                                    WHERE r.notification_id = n.id AND r.status = 'CLICKED')) AS clicked
                            FROM notifications n WHERE channel = ? AND created_at >= ? AND created_at < ?""")
                    .params(channel.name(), Timestamp.from(start), Timestamp.from(end)).query().singleRow();
            long sent = count(row, "sent");
            long delivered = count(row, "delivered");
            channels.put(channel.name(), new ChannelStats(count(row, "total"), sent, delivered, count(row, "failed"),
                    count(row, "bounced"), count(row, "complained"), count(row, "suppressed"),
                    rate(delivered, sent), rate(count(row, "bounced"), sent), rate(count(row, "opened"), delivered),
                    rate(count(row, "clicked"), delivered)));
        }
        Map<String, Long> providers = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT provider, count(*) FROM notifications WHERE provider IS NOT NULL AND created_at >= ?
                          AND created_at < ? AND (CAST(? AS varchar) IS NULL OR channel = CAST(? AS varchar))
                        GROUP BY provider ORDER BY provider""")
                .params(Timestamp.from(start), Timestamp.from(end), only == null ? null : only.name(),
                        only == null ? null : only.name())
                .query((rs, n) -> providers.put(rs.getString(1), rs.getLong(2))).list();
        return new Stats(start, end, channels, providers);
    }

    private static long count(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).longValue();
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
