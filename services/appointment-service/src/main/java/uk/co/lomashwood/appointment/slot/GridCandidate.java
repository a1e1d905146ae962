package uk.co.lomashwood.appointment.slot;

import uk.co.lomashwood.appointment.common.Specialisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A slot with what the grid needs to know about its consultant (one row of the grid query). */
record GridCandidate(UUID slotId, UUID consultantId, UUID showroomId, Instant startsAt, Instant endsAt, LocalDate localDate,
                     TimeSlot.SlotStatus status, String consultantName, String avatarUrl, Specialisation specialisation,
                     List<String> coverageAreas, int maxDailyBookings, boolean consultantAvailable, int bookingsThatDay) {

    boolean free() {
        return status == TimeSlot.SlotStatus.AVAILABLE && consultantAvailable && bookingsThatDay < maxDailyBookings;
    }

    boolean covers(String outwardCode) {
        return coverageAreas.isEmpty() || (outwardCode != null && coverageAreas.stream().anyMatch(outwardCode::startsWith));
    }

    /** Stable per date and consultant, so the representative rotates between days but not between requests. */
    int rotation() {
        return (consultantId.toString() + localDate).hashCode();
    }
}
