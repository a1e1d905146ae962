package uk.co.lomashwood.notification.dispatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read side for the admin history and the customer's own messages. */
@Component
public class NotificationQueries {

    /** Filters of {@code GET /v1/admin/notifications}; null means "any". */
    public record Filter(String channel, List<String> statuses, String category, UUID recipientId, String recipient,
                         String templateSlug, Instant from, Instant to, boolean customerOnly) {
    }

    public record Attempt(int attemptNo, String provider, Instant startedAt, Instant finishedAt, int latencyMs,
                          String outcome, String errorCode, String errorMessage, String providerMessageId) {
    }

    public record LogEntry(String event, String status, String message, Instant occurredAt) {
    }

    private final JdbcClient jdbc;

    public NotificationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public OffsetPage<NotificationRow> search(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE deleted_at IS NULL");
        List<Object> params = new ArrayList<>();
        add(where, params, "channel = ?", filter.channel());
        add(where, params, "category = ?", filter.category());
        add(where, params, "recipient_id = ?", filter.recipientId());
        add(where, params, "template_slug = ?", filter.templateSlug());
        add(where, params, "created_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        add(where, params, "created_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        if (filter.recipient() != null) {
            where.append(" AND (lower(recipient_email) = lower(?) OR recipient_phone = ?)");
            params.add(filter.recipient());
            params.add(filter.recipient());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" AND status IN (").append(String.join(",", filter.statuses().stream().map(s -> "?").toList()))
                    .append(")");
            params.addAll(filter.statuses());
        }
        if (filter.customerOnly()) {
            where.append(" AND recipient_type = 'CUSTOMER' AND status <> 'SUPPRESSED'");
        }
        long total = jdbc.sql("SELECT count(*) FROM notifications" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.limit());
        pageParams.add(page.offset());
        List<NotificationRow> items = jdbc.sql("SELECT " + NotificationRows.COLUMNS + " FROM notifications" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(pageParams).query(NotificationRows.MAPPER).list();
        return new OffsetPage<>(items, page.page(), page.limit(), total);
    }

    public List<Attempt> attempts(UUID id) {
        return jdbc.sql("""
                        SELECT attempt_no, provider, started_at, finished_at, latency_ms, outcome, error_code,
                            error_message, provider_message_id
                        FROM notification_attempts WHERE notification_id = ? ORDER BY attempt_no, started_at""")
                .param(id)
                .query((rs, n) -> new Attempt(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9)))
                .list();
    }

    public List<LogEntry> logs(UUID id) {
        return jdbc.sql("""
                        SELECT event, status, message, occurred_at FROM notification_logs WHERE notification_id = ?
                        ORDER BY occurred_at DESC, id DESC LIMIT 50""")
                .param(id)
                .query((rs, n) -> new LogEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private static void add(StringBuilder where, List<Object> params, String clause, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            params.add(value);
        }
    }
}
