package uk.co.lomashwood.appointment.slot;

import uk.co.lomashwood.appointment.common.AppointmentType;
import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A validated availability question (spec 30 §1.3, availability grid). */
public record GridQuery(AppointmentType type, LocalDate from, LocalDate to, UUID showroomId, boolean forKitchen,
                        boolean forBedroom, String postcode, UUID consultantId) {

    public static GridQuery of(AppointmentType type, LocalDate date, LocalDate from, LocalDate to, UUID showroomId,
                               Boolean forKitchen, Boolean forBedroom, String postcode, UUID consultantId, Clock clock) {
        if (type == null) {
            throw ValidationException.of("type", "is required");
        }
        if (date != null) {
            from = date;
            to = date;
        } else if (from == null || to == null) {
            throw ValidationException.of("date", "give either date or from and to");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 30) {
            throw ValidationException.of("to", "must be on or after from, at most 31 days in all");
        }
        if (type == AppointmentType.SHOWROOM && showroomId == null) {
            throw ValidationException.of("showroomId", "is required for showroom visits");
        }
        LocalDate today = London.today(clock);
        if (from.isBefore(today)) {
            throw new ApiException(ErrorCode.PAST_DATE_BOOKING, "Dates in the past cannot be booked.");
        }
        if (to.isAfter(today.plusDays(London.HORIZON_DAYS))) {
            throw new ApiException(ErrorCode.BOOKING_WINDOW_EXCEEDED, "Appointments can be booked up to 90 days ahead.");
        }
        boolean neither = !Boolean.TRUE.equals(forKitchen) && !Boolean.TRUE.equals(forBedroom);
        return new GridQuery(type, from, to, showroomId, neither || Boolean.TRUE.equals(forKitchen),
                neither || Boolean.TRUE.equals(forBedroom), postcode, consultantId);
    }
}
