package uk.co.lomashwood.product.job;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** When a job of spec 20 §1.6 runs next: a fixed delay, or a wall-clock time in London (daily or weekly). */
@FunctionalInterface
public interface Schedule {

    ZoneId LONDON = ZoneId.of("Europe/London");

    Duration untilNextRun(ZonedDateTime now);

    static Schedule every(Duration period) {
        return now -> period;
    }

    static Schedule dailyAt(LocalTime time) {
        return now -> {
            ZonedDateTime local = now.withZoneSameInstant(LONDON);
            ZonedDateTime next = local.with(time);
            return Duration.between(local, next.isAfter(local) ? next : local.plusDays(1).with(time));
        };
    }

    static Schedule weeklyAt(DayOfWeek day, LocalTime time) {
        return now -> {
            ZonedDateTime local = now.withZoneSameInstant(LONDON);
            ZonedDateTime next = local.with(TemporalAdjusters.nextOrSame(day)).with(time);
            return Duration.between(local, next.isAfter(local) ? next
                    : local.with(TemporalAdjusters.next(day)).with(time));
        };
    }
}
