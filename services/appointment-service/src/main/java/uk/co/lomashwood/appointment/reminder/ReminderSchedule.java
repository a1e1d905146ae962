package uk.co.lomashwood.appointment.reminder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.appointment.common.Sql;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Creates and cancels a booking's reminder rows, inside the booking's transaction. */
@Component
public class ReminderSchedule {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ReminderSchedule(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void schedule(UUID bookingId, Instant startsAt, String email, String phone) {
        for (ReminderPlan plan : ReminderPlan.forStart(startsAt, clock.instant())) {
            String recipient = "EMAIL".equals(plan.channel()) ? email : phone;
            if (recipient == null) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO reminders (id, booking_id, type, channel, scheduled_for, recipient)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), bookingId, plan.type(), plan.channel(), Sql.ts(plan.scheduledFor()), recipient)
                    .update();
        }
    }

    public void cancelPending(UUID bookingId) {
        jdbc.sql("UPDATE reminders SET status = 'CANCELLED', updated_at = ? WHERE booking_id = ? AND status = 'PENDING'")
                .params(Sql.ts(clock.instant()), bookingId).update();
    }
}
