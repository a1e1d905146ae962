package uk.co.lomashwood.appointment.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two reminders of a confirmed booking (spec 30 §1.4.8): a 24 h email and a 1 h SMS, in elapsed hours. A 24 h
 * reminder whose time has passed goes at once while the start is still ≥ 3 h away; a 1 h one is skipped under 1 h.
 */
public record ReminderPlan(String type, String channel, Instant scheduledFor) {

    public static List<ReminderPlan> forStart(Instant startsAt, Instant now) {
        List<ReminderPlan> plan = new ArrayList<>();
        Instant dayBefore = startsAt.minus(Duration.ofHours(24));
        if (dayBefore.isAfter(now)) {
            plan.add(new ReminderPlan("APPOINTMENT_24H", "EMAIL", dayBefore));
        } else if (!startsAt.isBefore(now.plus(Duration.ofHours(3)))) {
            plan.add(new ReminderPlan("APPOINTMENT_24H", "EMAIL", now));
        }
        Instant hourBefore = startsAt.minus(Duration.ofHours(1));
        if (!hourBefore.isBefore(now)) {
            plan.add(new ReminderPlan("APPOINTMENT_1H", "SMS", hourBefore));
        }
        return plan;
    }
}
