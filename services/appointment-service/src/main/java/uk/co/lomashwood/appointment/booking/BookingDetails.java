package uk.co.lomashwood.appointment.booking;

import java.time.Instant;
import java.util.UUID;

/** A booking with the consultant, showroom and reminder facts its views and events show. */
public record BookingDetails(Booking booking, ConsultantRef consultant, ShowroomRef showroom, ReminderRef h24,
                             ReminderRef h1, Instant createdAt, Instant updatedAt, UUID createdBy, boolean needsAttention) {

    public record ConsultantRef(UUID id, String name, String avatarUrl, String email, String phone) {
    }

    public record ShowroomRef(UUID id, String name, String slug, String address, String phone, String mapLink) {
    }

    public record ReminderRef(String status, Instant sentAt) {
    }
}
