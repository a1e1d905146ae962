package uk.co.lomashwood.notification.admin;

import uk.co.lomashwood.notification.dispatch.NotificationQueries;
import uk.co.lomashwood.notification.dispatch.NotificationRow;
import uk.co.lomashwood.notification.gate.Addresses;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Admin views of a notification: the list summary and the detail with attempts and logs. */
public final class NotificationView {

    private NotificationView() {
    }

    public record Summary(UUID id, String channel, String status, String statusReason, String priority,
                          String category, String template, Integer templateVersion, UUID recipientId,
                          String recipientType, String recipient, String subject, String provider, int retryCount,
                          Instant scheduledAt, Instant sentAt, Instant failedAt, String lastError,
                          String sourceTopic, String sourceEventId, Instant createdAt) {
    }

    public record Detail(Summary notification, String body, String htmlBody, String providerMessageId,
                         Instant nextRetryAt, String sourceEntityType, String sourceEntityId,
                         List<NotificationQueries.Attempt> attempts, List<NotificationQueries.LogEntry> logs) {
    }

    static Summary summary(NotificationRow row) {
        return new Summary(row.id(), row.channel().name(), row.status().name(), row.statusReason(),
                row.priority().name(), row.category(), row.templateSlug(), row.templateVersion(), row.recipientId(),
                row.recipientType().name(), Addresses.mask(row.address()), row.subject(), row.provider(),
                row.retryCount(), row.scheduledAt(), row.sentAt(), row.failedAt(), row.lastError(), row.sourceTopic(),
                row.sourceEventId(), row.createdAt());
    }

    static Detail detail(NotificationRow row, NotificationQueries queries) {
        return new Detail(summary(row), row.body(), row.htmlBody(), row.providerMessageId(), row.nextRetryAt(),
                row.sourceEntityType(), row.sourceEntityId(), queries.attempts(row.id()), queries.logs(row.id()));
    }
}
