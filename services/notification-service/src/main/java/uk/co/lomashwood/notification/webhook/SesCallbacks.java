package uk.co.lomashwood.notification.webhook;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.notification.directory.ContactDirectory;
import uk.co.lomashwood.notification.dispatch.NotificationEvents;
import uk.co.lomashwood.notification.dispatch.NotificationRow;
import uk.co.lomashwood.notification.gate.Suppressions;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.PreferenceTopic;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SES events delivered by SNS on {@code /v1/webhooks/ses} (spec 40 §1.4.9), after {@link SnsVerifier}:
 * Delivery → DELIVERED; permanent Bounce → BOUNCED, HARD_BOUNCE suppression, the directory address marked BOUNCED,
 * {@code notification.email.bounced}; transient Bounce → report only; Complaint → COMPLAINT suppression of
 * NEWSLETTER and PROMOTIONS and {@code notification.unsubscribed}; Open / Click → report; Reject → FAILED.
 * Subscription confirmations of allow-listed topics are confirmed automatically.
 */
@Component
class SesCallbacks {

    private static final String PROVIDER = "aws-ses";

    private final SnsVerifier verifier;
    private final DeliveryReports reports;
    private final Suppressions suppressions;
    private final ContactDirectory directory;
    private final NotificationEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    SesCallbacks(SnsVerifier verifier, DeliveryReports reports, Suppressions suppressions, ContactDirectory directory,
                 NotificationEvents events, ObjectMapper json, Clock clock) {
        this.verifier = verifier;
        this.reports = reports;
        this.suppressions = suppressions;
        this.directory = directory;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void receive(String body) {
        JsonNode sns = parse(body);
        verifier.verify(sns);
        String type = sns.path("Type").asString("");
        if ("SubscriptionConfirmation".equals(type)) {
            verifier.confirm(sns.path("SubscribeURL").asString(null));
            return;
        }
        if (!"Notification".equals(type)) {
            return;
        }
        JsonNode event = parse(sns.path("Message").asString("{}"));
        String kind = event.path("eventType").asString(event.path("notificationType").asString(""));
        String eventId = sns.path("MessageId").asString();
        if (!reports.receive(PROVIDER, eventId, eventType(kind), sns.path("Message").asString("{}"))) {
            return;
        }
        JsonNode mail = event.path("mail");
        String sesId = mail.path("messageId").asString(null);
        reports.match(PROVIDER, eventId, mail.path("commonHeaders").path("messageId").asString(null), sesId)
                .ifPresent(row -> apply(row, kind, event, sesId));
    }

    private void apply(NotificationRow row, String kind, JsonNode event, String sesId) {
        String raw = json.writeValueAsString(event);
        switch (kind) {
            case "Delivery" -> {
                reports.report(row, PROVIDER, sesId, new DeliveryReports.Report("DELIVERED",
                        instant(event.path("delivery").path("timestamp").asString(null)), null, null, null), raw);
                reports.delivered(row);
            }
            case "Bounce" -> bounce(row, event.path("bounce"), sesId, raw);
            case "Complaint" -> {
                reports.report(row, PROVIDER, sesId, new DeliveryReports.Report("COMPLAINED",
                        instant(event.path("complaint").path("timestamp").asString(null)), null,
                        event.path("complaint").path("complaintFeedbackType").asString(null), null), raw);
                complaint(row);
            }
            case "Open", "Click" -> reports.report(row, PROVIDER, sesId, new DeliveryReports.Report(
                    "Open".equals(kind) ? "OPENED" : "CLICKED", null, null, null, null), raw);
            case "Reject" -> {
                reports.report(row, PROVIDER, sesId, new DeliveryReports.Report("REJECTED", null, null,
                        event.path("reject").path("reason").asString(null), null), raw);
                reports.failed(row, "SES_REJECT: " + event.path("reject").path("reason").asString("rejected"));
            }
            default -> { }
        }
    }

    private void bounce(NotificationRow row, JsonNode bounce, String sesId, String raw) {
        String bounceType = bounce.path("bounceType").asString("Undetermined");
        JsonNode first = bounce.path("bouncedRecipients").path(0);
        String reason = first.path("diagnosticCode").asString(bounce.path("bounceSubType").asString(null));
        reports.report(row, PROVIDER, sesId, new DeliveryReports.Report("BOUNCED",
                instant(bounce.path("timestamp").asString(null)), bounceType, reason, null), raw);
        if ("Permanent".equals(bounceType) && reports.bounced(row, bounceType, reason)) {
            suppressions.add(Channel.EMAIL, row.recipientEmail(), row.recipientId(), null, "HARD_BOUNCE", "SES_BOUNCE");
            directory.markBounced(row.recipientEmail());
        }
    }

    private void complaint(NotificationRow row) {
        for (PreferenceTopic topic : new PreferenceTopic[] {PreferenceTopic.NEWSLETTER, PreferenceTopic.PROMOTIONS}) {
            suppressions.add(Channel.EMAIL, row.recipientEmail(), row.recipientId(), topic, "COMPLAINT", "SES_COMPLAINT");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", row.recipientId());
        data.put("email", row.recipientEmail());
        data.put("channel", "EMAIL");
        data.put("topic", PreferenceTopic.NEWSLETTER.name());
        data.put("source", "SES_COMPLAINT");
        data.put("unsubscribedAt", clock.instant());
        events.unsubscribed(data);
    }

    private static String eventType(String kind) {
        return switch (kind) {
            case "Delivery" -> "DELIVERED";
            case "Bounce" -> "BOUNCED";
            case "Complaint" -> "COMPLAINED";
            case "Open" -> "OPENED";
            case "Click" -> "CLICKED";
            case "Reject" -> "FAILED";
            default -> null;
        };
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new ApiException(ErrorCode.INVALID_WEBHOOK_SIGNATURE, "Not an SNS message.");
            }
            return node;
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.INVALID_WEBHOOK_SIGNATURE, "Not an SNS message.");
        }
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
