package uk.co.lomashwood.appointment.slot;

import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** When a slot may be booked (spec 30 §1.4.3): lead time and the 90-day window; staff get 15 minutes and no horizon. */
public record BookingWindow(Instant now, Instant earliest, Instant horizonEnd) {

    private static final Duration STAFF_FLOOR = Duration.ofMinutes(15);

    public static BookingWindow of(Clock clock, int leadTimeHours, boolean staff) {
        Instant now = clock.instant();
        Instant earliest = now.plus(staff ? STAFF_FLOOR : Duration.ofHours(leadTimeHours));
        return new BookingWindow(now, earliest, staff ? Instant.MAX : London.horizonEnd(clock));
    }

    public boolean admits(Instant start) {
        return !start.isBefore(earliest) && start.isBefore(horizonEnd);
    }

    public void check(Instant start) {
        if (!start.isAfter(now)) {
            throw new ApiException(ErrorCode.SLOT_IN_PAST, "This time has already passed; please pick another.");
        }
        if (start.isBefore(earliest)) {
            throw new ApiException(ErrorCode.LEAD_TIME_NOT_MET, "This appointment type needs more notice; please pick a later time.");
        }
        if (!start.isBefore(horizonEnd)) {
            throw new ApiException(ErrorCode.BOOKING_WINDOW_EXCEEDED, "Appointments can be booked up to 90 days ahead.");
        }
    }
}
