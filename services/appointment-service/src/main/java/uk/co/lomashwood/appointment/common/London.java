package uk.co.lomashwood.appointment.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The business calendar (spec 30 §1.4.10): every date and wall-clock time is Europe/London. */
public final class London {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    public static final String TIMEZONE = "Europe/London";
    /** Booking horizon: today through today + 90 days. */
    public static final int HORIZON_DAYS = 90;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm zzz", Locale.UK);

    private London() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** First instant after the booking window: the start of London day today + 91. */
    public static Instant horizonEnd(Clock clock) {
        return today(clock).plusDays(HORIZON_DAYS + 1L).atStartOfDay(ZONE).toInstant();
    }

    /** "Tuesday 3 March 2026, 10:00 GMT": for messages. */
    public static String describe(Instant instant) {
        return LOCAL.format(instant.atZone(ZONE));
    }
}
