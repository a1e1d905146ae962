package uk.co.lomashwood.appointment.booking;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.appointment.common.Actor;
import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.appointment.common.ManageLinks;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The {@code appointment.booking.*} events with the field names of spec 00 §4.7, written to the outbox. */
@Component
public class BookingEvents {

    private final OutboxPublisher outbox;
    private final ManageLinks links;

    public BookingEvents(OutboxPublisher outbox, ManageLinks links) {
        this.outbox = outbox;
        this.links = links;
    }

    /** @param analyticsSessionId the browser's {@code X-Analytics-Session-Id}, copied into metadata (spec 00 §2.2) */
    void created(BookingDetails d, String analyticsSessionId) {
        Map<String, Object> data = snapshot(d);
        Booking.BookingData b = d.booking().data();
        data.put("status", d.booking().status());
        data.put("channel", b.channel());
        data.put("requiresDualTeamNotification", b.forKitchen() && b.forBedroom());
        data.put("manageUrl", links.urlFor(b.id()));
        data.put("sendNotifications", b.sendNotifications());
        Map<String, Object> metadata = analyticsSessionId == null ? Map.of() : Map.of("analyticsSessionId", analyticsSessionId);
        outbox.publish("appointment.booking.created", b.id().toString(), data, null, metadata);
    }

    void confirmed(BookingDetails d) {
        Map<String, Object> data = snapshot(d);
        data.put("confirmedAt", d.booking().state().confirmedAt());
        data.put("manageUrl", links.urlFor(d.booking().id()));
        publish("appointment.booking.confirmed", d, data);
    }

    void rescheduled(BookingDetails d, Instant previousScheduledAt, UUID previousSlotId, Actor by, String reason) {
        Map<String, Object> data = snapshot(d);
        data.put("previousScheduledAt", previousScheduledAt);
        data.put("previousSlotId", previousSlotId);
        data.put("slotId", d.booking().slotId());
        data.put("rescheduledBy", by);
        data.put("reason", reason);
        data.put("manageUrl", links.urlFor(d.booking().id()));
        publish("appointment.booking.rescheduled", d, data);
    }

    void cancelled(BookingDetails d) {
        Map<String, Object> data = snapshot(d);
        Booking.BookingState s = d.booking().state();
        data.put("cancelledBy", s.cancelledBy());
        data.put("reason", s.cancellationReason());
        data.put("cancelledAt", s.cancelledAt());
        publish("appointment.booking.cancelled", d, data);
    }

    /** {@code appointment.booking.completed} or {@code .no_show}; only the former carries customer details. */
    void outcome(BookingDetails d) {
        Booking booking = d.booking();
        Booking.BookingState s = booking.state();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bookingId", booking.id());
        data.put("referenceCode", booking.data().referenceCode());
        data.put("userId", booking.data().userId());
        data.put("consultantId", s.consultantId());
        data.put("appointmentType", booking.data().type());
        data.put("scheduledAt", s.startsAt());
        data.put("outcomeBy", s.completedBy());
        data.put("occurredAt", s.completedAt());
        boolean completed = s.status() == BookingStatus.COMPLETED;
        if (completed) {
            data.put("customerDetails", booking.data().customer());
        }
        publish(completed ? "appointment.booking.completed" : "appointment.booking.no_show", d, data);
    }

    private void publish(String topic, BookingDetails d, Map<String, Object> data) {
        outbox.publish(topic, d.booking().id().toString(), data);
    }

    private static Map<String, Object> snapshot(BookingDetails d) {
        Booking booking = d.booking();
        Booking.BookingData b = booking.data();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bookingId", booking.id());
        data.put("referenceCode", b.referenceCode());
        data.put("userId", b.userId());
        data.put("appointmentType", b.type());
        data.put("forKitchen", b.forKitchen());
        data.put("forBedroom", b.forBedroom());
        data.put("customerDetails", b.customer());
        data.put("scheduledAt", booking.startsAt());
        data.put("endsAt", booking.state().endsAt());
        data.put("timezone", London.TIMEZONE);
        data.put("showroom", d.showroom() == null ? null
                : Map.of("id", d.showroom().id(), "name", d.showroom().name(), "address", d.showroom().address()));
        data.put("consultant", Map.of("id", d.consultant().id(), "name", d.consultant().name()));
        return data;
    }
}
