package uk.co.lomashwood.appointment.reminder;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderPlanTest {

    private static final Instant START = Instant.parse("2026-05-12T10:00:00Z");

    @Test
    void aBookingDaysAheadGetsTheDayBeforeEmailAndTheHourBeforeSms() {
        assertThat(ReminderPlan.forStart(START, START.minus(Duration.ofDays(3)))).containsExactly(
                new ReminderPlan("APPOINTMENT_24H", "EMAIL", START.minus(Duration.ofHours(24))),
                new ReminderPlan("APPOINTMENT_1H", "SMS", START.minus(Duration.ofHours(1))));
    }

    @Test
    void aLateBookingGetsTheEmailAtOnceWhileThreeHoursRemain() {
        Instant now = START.minus(Duration.ofHours(5));
        assertThat(ReminderPlan.forStart(START, now)).extracting(ReminderPlan::type, ReminderPlan::scheduledFor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("APPOINTMENT_24H", now),
                        org.assertj.core.groups.Tuple.tuple("APPOINTMENT_1H", START.minus(Duration.ofHours(1))));
        assertThat(ReminderPlan.forStart(START, START.minus(Duration.ofMinutes(150))))
                .extracting(ReminderPlan::type).containsExactly("APPOINTMENT_1H");
        assertThat(ReminderPlan.forStart(START, START.minus(Duration.ofMinutes(59)))).isEmpty();
    }
}
