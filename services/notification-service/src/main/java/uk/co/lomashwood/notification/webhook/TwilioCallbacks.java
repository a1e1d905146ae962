package uk.co.lomashwood.notification.webhook;

import com.twilio.security.RequestValidator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.notification.dispatch.InvalidRecipients;
import uk.co.lomashwood.notification.gate.Suppressions;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.support.NotificationProperties;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Twilio status callbacks and inbound keywords on {@code /v1/webhooks/twilio} (spec 40 §1.4.9, §1.4.8):
 * {@code X-Twilio-Signature} checked with the SDK's RequestValidator against the public URL Twilio was given;
 * {@code delivered} → DELIVERED, {@code undelivered}/{@code failed} → FAILED (invalid-number codes suppress the
 * number), {@code queued}/{@code sending}/{@code sent} → report only; {@code STOP} suppresses every SMS topic for
 * the sender, {@code START} lifts it.
 */
@Component
class TwilioCallbacks {

    static final String PATH = "/v1/webhooks/twilio";
    private static final String PROVIDER = "twilio-sms";
    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START = Set.of("START", "UNSTOP", "YES");

    private final DeliveryReports reports;
    private final Suppressions suppressions;
    private final NotificationProperties properties;
    private final ObjectMapper json;

    TwilioCallbacks(DeliveryReports reports, Suppressions suppressions, NotificationProperties properties,
                    ObjectMapper json) {
        this.reports = reports;
        this.suppressions = suppressions;
        this.properties = properties;
        this.json = json;
    }

    @Transactional
    public void receive(Map<String, String> form, String signature) {
        String token = properties.sms().twilioAuthToken();
        if (token == null || token.isBlank() || signature == null
                || !new RequestValidator(token).validate(properties.publicApiUrl() + PATH, form, signature)) {
            throw new ApiException(ErrorCode.INVALID_WEBHOOK_SIGNATURE, "The Twilio signature does not match.");
        }
        String sid = form.get("MessageSid");
        String status = form.getOrDefault("MessageStatus", form.get("SmsStatus"));
        if (sid == null || status == null) {
            return;
        }
        status = status.toLowerCase(Locale.ROOT);
        if (!reports.receive(PROVIDER, sid + ":" + status, eventType(status), json.writeValueAsString(form))) {
            return;
        }
        if ("received".equals(status)) {
            reports.match(PROVIDER, sid + ":" + status);
            keyword(form.get("From"), form.get("Body"));
            return;
        }
        String finalStatus = status;
        reports.match(PROVIDER, sid + ":" + status, sid).ifPresent(row -> {
            String code = form.get("ErrorCode");
            reports.report(row, PROVIDER, sid, new DeliveryReports.Report(reportStatus(finalStatus), null, null,
                    code, segments(form.get("NumSegments"))), json.writeValueAsString(form));
            switch (finalStatus) {
                case "delivered" -> reports.delivered(row);
                case "undelivered", "failed" -> {
                    boolean moved = reports.failed(row, "TWILIO_" + finalStatus.toUpperCase(Locale.ROOT)
                            + (code == null ? "" : ": " + code));
                    if (moved && code != null && InvalidRecipients.matches(Channel.SMS, code)) {
                        suppressions.add(Channel.SMS, row.recipientPhone(), row.recipientId(), null,
                                "INVALID_RECIPIENT", "PROVIDER_ERROR");
                    }
                }
                default -> { }
            }
        });
    }

    private void keyword(String from, String body) {
        if (from == null || body == null) {
            return;
        }
        String word = body.trim().toUpperCase(Locale.ROOT);
        if (STOP.contains(word)) {
            suppressions.add(Channel.SMS, from, null, null, "UNSUBSCRIBED", "TWILIO_STOP");
        } else if (START.contains(word)) {
            suppressions.lift(Channel.SMS, from, null);
        }
    }

    private static String eventType(String status) {
        return switch (status) {
            case "delivered" -> "DELIVERED";
            case "undelivered", "failed" -> "FAILED";
            default -> null;
        };
    }

    private static String reportStatus(String status) {
        return switch (status) {
            case "delivered" -> "DELIVERED";
            case "undelivered", "failed" -> "FAILED";
            case "sent" -> "SENT";
            case "sending" -> "SENDING";
            case "accepted" -> "ACCEPTED";
            default -> "QUEUED";
        };
    }

    private static Integer segments(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
