package uk.co.lomashwood.notification.dispatch;

import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.NotificationStatus;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.RecipientType;

import java.time.Instant;
import java.util.UUID;

/** A {@code notifications} row as the dispatcher and the admin API need it. */
public record NotificationRow(UUID id, Channel channel, NotificationStatus status, String statusReason,
                              Priority priority, String category, UUID recipientId, RecipientType recipientType,
                              String recipientEmail, String recipientPhone, String templateSlug,
                              Integer templateVersion, String subject, String body, String htmlBody, String metadata,
                              String provider, String providerMessageId, Instant scheduledAt, Instant sentAt,
                              Instant failedAt, int retryCount, int maxRetries, Instant nextRetryAt, String lastError,
                              String sourceEventId, String sourceTopic, String sourceEntityType, String sourceEntityId,
                              String correlationId, Instant createdAt) {

    public String address() {
        return switch (channel) {
            case EMAIL -> recipientEmail;
            case SMS -> recipientPhone;
            case PUSH -> recipientId == null ? null : recipientId.toString();
        };
    }
}
