package uk.co.lomashwood.appointment.slot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One bookable hour of one consultant (time_slots). */
public record TimeSlot(UUID id, UUID consultantId, UUID showroomId, Instant startsAt, Instant endsAt, LocalDate localDate,
                       SlotStatus status, UUID bookingId, boolean deleted) {

    public enum SlotStatus { AVAILABLE, BOOKED, BLOCKED }

    public boolean isFree() {
        return !deleted && status == SlotStatus.AVAILABLE;
    }

    public int durationMinutes() {
        return (int) java.time.Duration.between(startsAt, endsAt).toMinutes();
    }
}
