package uk.co.lomashwood.appointment.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import uk.co.lomashwood.appointment.common.Actor;
import uk.co.lomashwood.appointment.common.AppointmentType;
import uk.co.lomashwood.appointment.common.London;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Appointment JSON (spec 30 §1.3); staff also get {@link AdminFields}; {@code manageToken} only in the 201. */
public record BookingView(UUID id, String referenceCode, AppointmentType appointmentType, boolean forKitchen,
                          boolean forBedroom, BookingStatus status, CustomerDetails customerDetails, Instant scheduledAt,
                          Instant endsAt, int durationMinutes, String timezone, Showroom showroom, Consultant consultant,
                          String notes, String meetingUrl, Instant cancelledAt, String cancellationReason,
                          boolean canCancel, boolean canReschedule, Instant createdAt, Instant updatedAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String manageToken,
                          @JsonUnwrapped AdminFields admin) {

    public record Showroom(UUID id, String name, String slug, String address, String phone, String mapLink) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Consultant(UUID id, String name, String avatarUrl, String email, String phone) {
    }

    public record AdminFields(UUID userId, UUID slotId, String channel, String internalNotes, Instant confirmedAt,
                              Instant completedAt, Actor completedBy, Actor cancelledBy, int rescheduleCount,
                              boolean needsAttention, Map<String, BookingDetails.ReminderRef> reminders, UUID createdBy) {
    }

    public static BookingView of(BookingDetails d, boolean staff, Clock clock) {
        Booking b = d.booking();
        Booking.BookingData data = b.data();
        Booking.BookingState s = b.state();
        var room = d.showroom() == null ? null : new Showroom(d.showroom().id(), d.showroom().name(), d.showroom().slug(),
                d.showroom().address(), d.showroom().phone(), d.showroom().mapLink());
        var consultant = new Consultant(d.consultant().id(), d.consultant().name(), d.consultant().avatarUrl(),
                staff ? d.consultant().email() : null, staff ? d.consultant().phone() : null);
        AdminFields admin = null;
        if (staff) {
            Map<String, BookingDetails.ReminderRef> reminders = new java.util.LinkedHashMap<>();
            reminders.put("h24", d.h24());
            reminders.put("h1", d.h1());
            admin = new AdminFields(data.userId(), s.slotId(), data.channel(), data.internalNotes(), s.confirmedAt(),
                    s.completedAt(), s.completedBy(), s.cancelledBy(), s.rescheduleCount(), d.needsAttention(), reminders,
                    d.createdBy());
        }
        return new BookingView(b.id(), data.referenceCode(), data.type(), data.forKitchen(), data.forBedroom(), s.status(),
                data.customer(), s.startsAt(), s.endsAt(), (int) java.time.Duration.between(s.startsAt(), s.endsAt()).toMinutes(),
                London.TIMEZONE, room, consultant, data.notes(), data.meetingUrl(), s.cancelledAt(), s.cancellationReason(),
                b.canCancel(clock), b.canReschedule(clock), d.createdAt(), d.updatedAt(), null, admin);
    }

    public BookingView withManageToken(String token) {
        return new BookingView(id, referenceCode, appointmentType, forKitchen, forBedroom, status, customerDetails,
                scheduledAt, endsAt, durationMinutes, timezone, showroom, consultant, notes, meetingUrl, cancelledAt,
                cancellationReason, canCancel, canReschedule, createdAt, updatedAt, token, admin);
    }
}
