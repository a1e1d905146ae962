package uk.co.lomashwood.appointment.consultant;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A weekly working window, or an exception for one date; {@code blocked} marks time off (spec 30 §1.2). */
public record AvailabilityRule(UUID id, UUID consultantId, DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime,
                               boolean recurring, LocalDate specificDate, boolean blocked, String blockReason,
                               LocalDate validFrom, LocalDate validTo) {

    public static AvailabilityRule weekly(UUID consultantId, DayOfWeek day, LocalTime start, LocalTime end) {
        return new AvailabilityRule(UUID.randomUUID(), consultantId, day, start, end, true, null, false, null, null, null);
    }

    /** Whether this rule speaks about {@code date} at all. */
    public boolean appliesTo(LocalDate date) {
        if (!recurring) {
            return date.equals(specificDate);
        }
        return date.getDayOfWeek() == dayOfWeek
                && (validFrom == null || !date.isBefore(validFrom))
                && (validTo == null || !date.isAfter(validTo));
    }
}
