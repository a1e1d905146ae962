package uk.co.lomashwood.notification.consumer;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.directory.DeviceTokens;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.support.NotificationProperties;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Booking topics of appointment-service: the FR5.5 acknowledgement (email, SMS, push), the appointments-inbox
 * alert and, for a kitchen and bedroom booking, one email each to the kitchen and bedroom teams (FR5.6);
 * confirmed, rescheduled and cancelled messages. {@code sendNotifications: false} keeps only the internal rows.
 */
@Component
class BookingEventHandler implements EventHandler {

    private static final String ENTITY = "BOOKING";

    private final EventSends sends;
    private final DeviceTokens devices;

    BookingEventHandler(EventSends sends, DeviceTokens devices) {
        this.sends = sends;
        this.devices = devices;
    }

    @Override
    public Set<String> topics() {
        return Set.of("appointment.booking.created", "appointment.booking.confirmed",
                "appointment.booking.rescheduled", "appointment.booking.cancelled", "appointment.booking.completed",
                "appointment.consultant.updated");
    }

    @Override
    public void handle(EventEnvelope event) {
        if ("appointment.consultant.updated".equals(event.topic())) {
            consultantUpdated(event);
            return;
        }
        Booking booking = Booking.from(event.data());
        switch (event.topic()) {
            case "appointment.booking.created" -> created(event, booking);
            case "appointment.booking.confirmed" ->
                    customer(event, booking, "appointment-confirmed-email", "appointment-confirmed-sms", Map.of());
            case "appointment.booking.rescheduled" -> customer(event, booking, "appointment-rescheduled-email",
                    "appointment-rescheduled-sms", Vars.of("previousDate", previous(event.data(), booking.zone())));
            case "appointment.booking.cancelled" -> cancelled(event, booking);
            case "appointment.booking.completed" -> completed(event, booking);
            default -> { }
        }
    }

    private void created(EventEnvelope event, Booking booking) {
        if (booking.sendNotifications()) {
            customer(event, booking, "appointment-confirmation-email", "appointment-confirmation-sms", Map.of());
            if (booking.userId() != null && !devices.activeTokens(booking.userId()).isEmpty()) {
                sends.send(event, "appointment-confirmation-push", Channel.PUSH, booking.recipient(), Priority.NORMAL,
                        booking.variables(sends), ENTITY, booking.id());
            }
        }
        NotificationProperties.Inboxes inboxes = sends.properties().inboxes();
        Map<String, Object> internal = booking.variables(sends);
        internal.put("adminUrl", sends.adminUrl("/appointments/" + booking.id()));
        sends.send(event, "appointment-internal-alert-email", Channel.EMAIL, Recipient.staff(inboxes.appointments()),
                Priority.NORMAL, internal, ENTITY, booking.id());
        if (booking.forKitchen() && booking.forBedroom()) {
            team(event, booking, internal, inboxes.kitchenTeam(), "kitchen team");
            team(event, booking, internal, inboxes.bedroomTeam(), "bedroom team");
        }
    }

    private void team(EventEnvelope event, Booking booking, Map<String, Object> internal, String inbox, String team) {
        Map<String, Object> variables = new java.util.HashMap<>(internal);
        variables.put("teamName", team);
        sends.send(event, "appointment-internal-alert-email", Channel.EMAIL, Recipient.staff(inbox), Priority.HIGH,
                variables, ENTITY, booking.id());
    }

    private void customer(EventEnvelope event, Booking booking, String emailSlug, String smsSlug,
                          Map<String, Object> extra) {
        Map<String, Object> variables = booking.variables(sends);
        variables.putAll(extra);
        if (booking.email() != null || booking.userId() != null) {
            sends.send(event, emailSlug, Channel.EMAIL, booking.recipient(), Priority.HIGH, variables, ENTITY, booking.id());
        }
        if (booking.phone() != null) {
            sends.send(event, smsSlug, Channel.SMS, booking.recipient(), Priority.HIGH, variables, ENTITY, booking.id());
        }
    }

    private void cancelled(EventEnvelope event, Booking booking) {
        Map<String, Object> variables = booking.variables(sends);
        variables.put("reason", Fields.text(event.data(), "reason"));
        variables.put("rebookUrl", sends.siteUrl("/book-appointment"));
        variables.put("cancelledBy", Formats.label(Fields.text(event.data(), "cancelledBy")));
        variables.values().removeIf(java.util.Objects::isNull);
        customer(event, booking, "appointment-cancellation-email", "appointment-cancellation-sms", variables);
        variables.put("adminUrl", sends.adminUrl("/appointments/" + booking.id()));
        NotificationProperties.Inboxes inboxes = sends.properties().inboxes();
        sends.send(event, "appointment-cancelled-internal-email", Channel.EMAIL, Recipient.staff(inboxes.appointments()),
                Priority.NORMAL, variables, ENTITY, booking.id());
        if (booking.forKitchen() && booking.forBedroom()) {
            for (String inbox : new String[] {inboxes.kitchenTeam(), inboxes.bedroomTeam()}) {
                sends.send(event, "appointment-cancelled-internal-email", Channel.EMAIL, Recipient.staff(inbox),
                        Priority.NORMAL, variables, ENTITY, booking.id());
            }
        }
    }

    /** The thank-you email after the consultation; the completed topic carries no timezone, so UK time. */
    private void completed(EventEnvelope event, Booking booking) {
        if (booking.email() == null && booking.userId() == null) {
            return;
        }
        Map<String, Object> variables = booking.variables(sends);
        variables.put("brochureUrl", sends.siteUrl("/brochure"));
        variables.put("reviewUrl", sends.siteUrl("/account/appointments/" + booking.id() + "/feedback"));
        sends.send(event, "appointment-thank-you-email", Channel.EMAIL, booking.recipient(), Priority.NORMAL, variables,
                ENTITY, booking.id());
    }

    /** A deactivated, deleted or re-rostered consultant leaves bookings to rebook: one alert to the appointments inbox. */
    private void consultantUpdated(EventEnvelope event) {
        JsonNode affected = Fields.at(event.data(), "affectedBookingIds");
        if (affected == null || !affected.isArray() || affected.isEmpty()) {
            return;
        }
        java.util.List<String> bookingIds = new java.util.ArrayList<>();
        affected.forEach(id -> bookingIds.add(id.asString()));
        String consultantId = Fields.text(event.data(), "consultantId");
        sends.send(event, "appointment-rebook-alert-email", Channel.EMAIL,
                Recipient.staff(sends.properties().inboxes().appointments()), Priority.HIGH,
                Vars.of("consultantId", consultantId, "updateType", Formats.label(Fields.text(event.data(), "updateType")),
                        "affectedBookingIds", bookingIds, "affectedCount", bookingIds.size(),
                        "adminUrl", sends.adminUrl("/appointments")), "CONSULTANT", consultantId);
    }

    private static String previous(JsonNode data, ZoneId zone) {
        Instant at = Formats.instant(Fields.text(data, "previousScheduledAt"));
        return at == null ? null : Formats.date(at, zone) + " at " + Formats.time(at, zone);
    }

    /** The booking snapshot of spec 00 §4.7. */
    record Booking(String id, String reference, UUID userId, String type, boolean forKitchen, boolean forBedroom,
                   String name, String email, String phone, String postcode, Instant scheduledAt, ZoneId zone,
                   String showroomName, String showroomAddress, String manageUrl, boolean sendNotifications) {

        static Booking from(JsonNode data) {
            return new Booking(Fields.text(data, "bookingId"), Fields.text(data, "referenceCode"),
                    Fields.uuid(data, "userId"), Fields.text(data, "appointmentType"),
                    Fields.flag(data, "forKitchen", false), Fields.flag(data, "forBedroom", false),
                    Fields.text(data, "customerDetails.name"), Fields.text(data, "customerDetails.email"),
                    Fields.text(data, "customerDetails.phone"), Fields.text(data, "customerDetails.postcode"),
                    Formats.instant(Fields.text(data, "scheduledAt")), Formats.zone(Fields.text(data, "timezone")),
                    Fields.text(data, "showroom.name"), Fields.text(data, "showroom.address"),
                    Fields.text(data, "manageUrl"), Fields.flag(data, "sendNotifications", true));
        }

        Recipient recipient() {
            return Recipient.customer(userId, email, phone);
        }

        String scope() {
            if (forKitchen && forBedroom) {
                return "Kitchen & Bedroom";
            }
            return forBedroom ? "Bedroom" : forKitchen ? "Kitchen" : "Not specified";
        }

        Map<String, Object> variables(EventSends sends) {
            return Vars.of("customerName", name, "customerEmail", email, "customerPhone", phone,
                    "customerPostcode", postcode, "appointmentType", Formats.label(type), "appointmentScope", scope(),
                    "appointmentDate", Formats.date(scheduledAt, zone), "appointmentTime", Formats.time(scheduledAt, zone),
                    "appointmentRef", reference, "showroomName", showroomName, "showroomAddress", showroomAddress,
                    "manageUrl", manageUrl != null ? manageUrl : sends.siteUrl("/account/appointments/" + id),
                    "bookingId", id);
        }
    }
}
