package uk.co.lomashwood.appointment.booking;

import uk.co.lomashwood.appointment.common.AppointmentType;
import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Filters of the admin appointment table (spec 30 §1.4.11). {@code from}/{@code to}: London dates or instants. */
public record AdminFilter(List<String> statuses, AppointmentType type, Boolean forKitchen, Boolean forBedroom,
                          UUID consultantId, UUID showroomId, Boolean needsAttention, Instant from, Instant to,
                          Instant createdFrom, Instant createdTo, String search) {

    public AdminFilter {
        if (search != null && search.length() > 100) {
            throw ValidationException.of("search", "must be at most 100 characters");
        }
    }

    /** Start bound: a date means the start of that London day. */
    static Instant lower(String field, String value) {
        return value == null ? null : parse(field, value, false);
    }

    /** End bound (exclusive): a date means the start of the next London day, so dates are inclusive. */
    static Instant upper(String field, String value) {
        return value == null ? null : parse(field, value, true);
    }

    private static Instant parse(String field, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(London.ZONE).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "must be a date (YYYY-MM-DD) or an ISO instant");
        }
    }
}
