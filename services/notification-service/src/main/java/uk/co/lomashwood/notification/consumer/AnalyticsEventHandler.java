package uk.co.lomashwood.notification.consumer;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.directory.ContactDirectory;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.message.RecipientType;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.util.Set;
import java.util.UUID;

/**
 * analytics-service topics: the export-ready email to the admin who asked (address from the contact directory,
 * link to the admin area, never the presigned URL) and system alerts to the ops inbox.
 */
@Component
class AnalyticsEventHandler implements EventHandler {

    private final EventSends sends;
    private final ContactDirectory directory;

    AnalyticsEventHandler(EventSends sends, ContactDirectory directory) {
        this.sends = sends;
        this.directory = directory;
    }

    @Override
    public Set<String> topics() {
        return Set.of("analytics.report.generated", "analytics.alert.triggered");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        if ("analytics.report.generated".equals(event.topic())) {
            UUID admin = Fields.uuid(data, "requestedBy");
            String exportId = Fields.text(data, "exportId");
            if (admin == null) {
                return;
            }
            sends.send(event, "analytics-export-ready-email", Channel.EMAIL,
                    new Recipient(admin, null, null, RecipientType.ADMIN), Priority.NORMAL,
                    Vars.of("adminName", directory.firstName(admin).orElse(null), "reportType", Formats.label(Fields.text(data, "reportType")),
                            "format", Fields.text(data, "format"), "rowCount", Fields.text(data, "rowCount"),
                            "expiresAt", Formats.dateTime(Formats.instant(Fields.text(data, "expiresAt"))),
                            "exportUrl", sends.adminUrl("/analytics/exports/" + exportId)), "EXPORT", exportId);
            return;
        }
        String alertType = Fields.text(data, "alertType");
        sends.send(event, "system-alert-email", Channel.EMAIL, Recipient.staff(sends.properties().inboxes().ops()),
                Priority.HIGH, Vars.of("alertType", Formats.label(alertType), "summary", Fields.text(data, "message"),
                        "detectedAt", Formats.dateTime(Formats.instant(Fields.text(data, "detectedAt"))),
                        "details", "Value " + Fields.text(data, "value") + ", threshold " + Fields.text(data, "threshold")),
                "ALERT", alertType);
    }
}
