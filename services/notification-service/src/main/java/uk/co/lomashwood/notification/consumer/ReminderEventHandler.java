package uk.co.lomashwood.notification.consumer;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * {@code appointment.reminder.due}: the 24 h email, the 1 h SMS or a custom reminder on the event's channel.
 * The outcome goes back to appointment-service as {@code notification.reminder.sent}.
 */
@Component
class ReminderEventHandler implements EventHandler {

    private final EventSends sends;

    ReminderEventHandler(EventSends sends) {
        this.sends = sends;
    }

    @Override
    public Set<String> topics() {
        return Set.of("appointment.reminder.due");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        Channel channel = "SMS".equalsIgnoreCase(Fields.text(data, "channel")) ? Channel.SMS : Channel.EMAIL;
        String type = Fields.text(data, "reminderType");
        String recipient = Fields.text(data, "recipient");
        Recipient to = channel == Channel.SMS ? Recipient.customer(null, null, recipient)
                : Recipient.customer(null, recipient, null);
        boolean custom = "CUSTOM".equals(type);
        String slug = custom ? "appointment-custom-reminder-" + channel.topicWord()
                : "appointment-reminder-" + channel.topicWord();
        sends.send(event, slug, channel, to, custom ? Priority.NORMAL : Priority.HIGH, variables(data),
                "BOOKING", Fields.text(data, "bookingId"));
    }

    private Map<String, Object> variables(JsonNode data) {
        Instant at = Formats.instant(Fields.text(data, "scheduledAt"));
        ZoneId zone = Formats.LONDON;
        String bookingId = Fields.text(data, "bookingId");
        String manageUrl = Fields.text(data, "manageUrl");
        return Vars.of("customerName", Fields.text(data, "customerName"),
                "appointmentType", Formats.label(Fields.text(data, "appointmentType")),
                "appointmentDate", Formats.date(at, zone), "appointmentTime", Formats.time(at, zone),
                "appointmentRef", Fields.text(data, "referenceCode"), "showroomName", Fields.text(data, "location"),
                "manageUrl", manageUrl != null ? manageUrl : sends.siteUrl("/account/appointments/" + bookingId),
                "subject", Fields.text(data, "subject"), "message", Fields.text(data, "message"),
                "reminderId", Fields.text(data, "reminderId"), "bookingId", bookingId,
                "reminderType", Fields.text(data, "reminderType"));
    }
}
