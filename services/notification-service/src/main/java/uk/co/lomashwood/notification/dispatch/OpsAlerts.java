package uk.co.lomashwood.notification.dispatch;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.gate.Addresses;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.support.NotificationProperties;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Spec 40 §1.4.4 step 8: a notification that is still failing 24 h after its first failure becomes FAILED /
 * RETRIES_EXHAUSTED and a {@code system-alert-email} goes to the ops inbox (once per notification; never for an
 * alert that is itself failing, so a broken mail relay cannot alert about its own alerts).
 */
@Component
class OpsAlerts {

    record Exhausted(NotificationRow row, int attempts, String error, Instant firstFailure) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final NotificationIntake intake;
    private final NotificationProperties properties;
    private final java.time.Clock clock;

    OpsAlerts(NotificationIntake intake, NotificationProperties properties, java.time.Clock clock) {
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void exhausted(Exhausted event) {
        NotificationRow row = event.row();
        if ("SYSTEM_ALERT".equals(row.category())) {
            return;
        }
        String summary = "%s notification %s (%s to %s) could not be delivered after %d attempts."
                .formatted(row.channel(), row.id(), row.templateSlug(), Addresses.mask(row.address()), event.attempts());
        intake.accept(new NotificationRequest("system-alert-email", Channel.EMAIL,
                Recipient.staff(properties.inboxes().ops()), Map.of("alertType", "Notification retries exhausted",
                        "summary", summary, "detectedAt", WHEN.format(clock.instant()),
                        "details", "First failure " + WHEN.format(event.firstFailure()) + "; last error: " + event.error()),
                Priority.HIGH, null, new NotificationRequest.SourceRef(null, null, "NOTIFICATION", row.id().toString(), null),
                "retries-exhausted:" + row.id(), false));
    }
}
