package uk.co.lomashwood.product.job;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The wall-clock times of spec 20 §1.6 are London times, whatever the server's zone and the season. */
class ScheduleTest {

    private static ZonedDateTime utc(String at) {
        return ZonedDateTime.parse(at);
    }

    @Test
    void aDailyJobRunsAtItsNextLondonTime() {
        Schedule fourAm = Schedule.dailyAt(LocalTime.of(4, 0));
        assertThat(fourAm.untilNextRun(utc("2026-11-26T02:00:00Z"))).isEqualTo(Duration.ofHours(2));
        assertThat(fourAm.untilNextRun(utc("2026-11-26T05:00:00Z"))).isEqualTo(Duration.ofHours(23));
        assertThat(fourAm.untilNextRun(utc("2026-07-01T02:00:00Z"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aWeeklyJobRunsOnItsNextDayAndNeverTwiceInTheSameMinute() {
        Schedule sunday = Schedule.weeklyAt(DayOfWeek.SUNDAY, LocalTime.of(3, 0));
        assertThat(sunday.untilNextRun(utc("2026-11-26T02:00:00Z"))).isEqualTo(Duration.ofDays(3).plusHours(1));
        assertThat(sunday.untilNextRun(utc("2026-11-29T03:00:00Z"))).isEqualTo(Duration.ofDays(7));
        assertThat(sunday.untilNextRun(utc("2026-07-05T01:00:00Z"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aFixedDelayIsTheSameWheneverItIsAsked() {
        assertThat(Schedule.every(Duration.ofMinutes(15)).untilNextRun(utc("2026-11-26T02:00:00Z")))
                .isEqualTo(Duration.ofMinutes(15));
    }
}
