package uk.co.lomashwood.notification.dispatch;

import org.springframework.jdbc.core.RowMapper;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.NotificationStatus;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.RecipientType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

final class NotificationRows {

    static final String COLUMNS = """
            id, channel, status, status_reason, priority, category, recipient_id, recipient_type, recipient_email,
            recipient_phone, template_slug, template_version, subject, body, html_body, metadata::text AS metadata,
            provider, provider_message_id, scheduled_at, sent_at, failed_at, retry_count, max_retries, next_retry_at,
            last_error, source_event_id, source_topic, source_entity_type, source_entity_id, correlation_id, created_at""";

    static final RowMapper<NotificationRow> MAPPER = NotificationRows::map;

    private NotificationRows() {
    }

    private static NotificationRow map(ResultSet rs, int n) throws SQLException {
        int version = rs.getInt("template_version");
        Integer templateVersion = rs.wasNull() ? null : version;
        return new NotificationRow(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
                NotificationStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                Priority.valueOf(rs.getString("priority")), rs.getString("category"),
                rs.getObject("recipient_id", UUID.class), RecipientType.valueOf(rs.getString("recipient_type")),
                rs.getString("recipient_email"), rs.getString("recipient_phone"), rs.getString("template_slug"),
                templateVersion, rs.getString("subject"), rs.getString("body"),
                rs.getString("html_body"), rs.getString("metadata"), rs.getString("provider"),
                rs.getString("provider_message_id"), instant(rs, "scheduled_at"), instant(rs, "sent_at"),
                instant(rs, "failed_at"), rs.getInt("retry_count"), rs.getInt("max_retries"),
                instant(rs, "next_retry_at"), rs.getString("last_error"), rs.getString("source_event_id"),
                rs.getString("source_topic"), rs.getString("source_entity_type"), rs.getString("source_entity_id"),
                rs.getString("correlation_id"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
