package uk.co.lomashwood.notification.history;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * {@code customer.user.erased} (spec 40 §1.4.11, runs at once): the user's preferences, contact directory rows,
 * device tokens and restriction flag are deleted; on historic notifications {@code recipient_id} becomes NULL, the
 * email {@code deleted-{userId}@erased.invalid}, the phone NULL, and subject-free content (bodies, metadata, error
 * texts that may quote the address) is blanked. Guest-time sends to the same address (found through the event's
 * {@code emailSha256}) are redacted the same way, and staff alerts about the person lose their content.
 * Kept: category, template, channel, status, timestamps, attempts and logs (no personal data), and suppressions as
 * hashes without the user link, so an erased address is not mailed again by mistake. Unsent messages to the user
 * are cancelled, except the erasure confirmation customer-service asked for, which is redacted once sent.
 */
@Component
class CustomerErasure implements EventHandler {

    static final String CONFIRMATION = "gdpr-erasure-confirmation-email";
    private static final String UNSENT = "('PENDING', 'SCHEDULED', 'QUEUED', 'PROCESSING', 'FAILED', 'DEAD_LETTERED')";
    private static final String SHA256 = "encode(sha256(convert_to(lower(trim(%s)), 'UTF8')), 'hex')";

    private final JdbcClient jdbc;
    private final Clock clock;

    CustomerErasure(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Set<String> topics() {
        return Set.of("customer.user.erased");
    }

    @Override
    public void handle(EventEnvelope event) {
        UUID userId = uuid(event.data().path("userId").asString(""));
        if (userId == null) {
            return;
        }
        String emailSha256 = event.data().path("emailSha256").asString("").toLowerCase(java.util.Locale.ROOT);
        Timestamp now = Timestamp.from(clock.instant());
        String placeholder = "deleted-" + userId + "@erased.invalid";
        String ownRows = "(recipient_id = ? OR (recipient_type = 'CUSTOMER' AND recipient_email IS NOT NULL AND "
                + SHA256.formatted("recipient_email") + " = ?))";
        // the erasure confirmation must still reach the person; Dispatcher redacts it once sent
        String pendingConfirmation = "(template_slug = '" + CONFIRMATION + "' AND status IN " + UNSENT + ")";
        jdbc.sql("UPDATE notifications SET status = 'CANCELLED', status_reason = 'NO_RECIPIENT', next_retry_at = NULL,"
                        + " updated_at = ? WHERE " + ownRows + " AND status IN " + UNSENT + " AND NOT " + pendingConfirmation)
                .params(now, userId, emailSha256).update();
        jdbc.sql("UPDATE notification_attempts SET error_message = NULL WHERE notification_id IN (SELECT id FROM notifications"
                        + " WHERE " + ownRows + " AND NOT " + pendingConfirmation + ")")
                .params(userId, emailSha256).update();
        jdbc.sql("UPDATE notifications SET recipient_id = NULL, recipient_email = CASE WHEN recipient_email IS NULL"
                        + " THEN NULL ELSE ? END, recipient_phone = NULL, recipient_device = NULL, body = NULL,"
                        + " html_body = NULL, metadata = NULL, last_error = NULL, updated_at = ? WHERE " + ownRows
                        + " AND NOT " + pendingConfirmation)
                .params(placeholder, now, userId, emailSha256).update();
        if (!emailSha256.isEmpty()) {
            // alerts to staff inboxes quoting the person (booking, brochure, contact and business forms)
            jdbc.sql("UPDATE notifications SET subject = NULL, body = NULL, html_body = NULL, metadata = NULL,"
                            + " updated_at = ? WHERE recipient_type <> 'CUSTOMER' AND metadata IS NOT NULL AND ("
                            + SHA256.formatted("metadata->>'customerEmail'") + " = ? OR "
                            + SHA256.formatted("metadata->>'contactEmail'") + " = ?)")
                    .params(now, emailSha256, emailSha256).update();
        }
        jdbc.sql("DELETE FROM notification_preferences WHERE user_id = ?").param(userId).update();
        jdbc.sql("DELETE FROM notification_subscriptions WHERE user_id = ?").param(userId).update();
        jdbc.sql("DELETE FROM push_device_tokens WHERE user_id = ?").param(userId).update();
        jdbc.sql("DELETE FROM notification_processing_restrictions WHERE user_id = ?").param(userId).update();
        jdbc.sql("UPDATE notification_suppressions SET user_id = NULL, updated_at = ? WHERE user_id = ?")
                .params(now, userId).update();
    }

    private static UUID uuid(String value) {
        try {
            return value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
