package uk.co.lomashwood.appointment.reminder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * {@code notification.reminder.sent} (spec 30 §1.4.8): a delivery sets {@code deliveredAt}; a failure marks the row
 * FAILED and, while fewer than 3 attempts were made, schedules the next attempt 10 minutes later.
 */
@Component
public class ReminderOutcomes implements EventHandler {

    record Outcome(UUID reminderId, String outcome, Instant deliveredAt, Instant failedAt, String failureReason) {
    }

    private static final int MAX_ATTEMPT = 2;

    private final JdbcClient jdbc;

    public ReminderOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> topics() {
        return Set.of("notification.reminder.sent");
    }

    @Override
    public void handle(EventEnvelope event) {
        Outcome o = event.dataAs(Outcome.class);
        if (o.reminderId() == null || o.outcome() == null) {
            return;
        }
        if (!"FAILED".equals(o.outcome())) {
            jdbc.sql("UPDATE reminders SET delivered_at = COALESCE(delivered_at, ?, now()), updated_at = now() WHERE id = ?")
                    .params(o.deliveredAt() == null ? null : java.sql.Timestamp.from(o.deliveredAt()), o.reminderId()).update();
            return;
        }
        int failed = jdbc.sql("UPDATE reminders SET status = 'FAILED', last_error = ?, updated_at = now() "
                        + "WHERE id = ? AND status = 'SENT'")
                .params(o.failureReason(), o.reminderId()).update();
        if (failed == 1) {
            jdbc.sql("""
                            INSERT INTO reminders (id, booking_id, type, channel, scheduled_for, recipient, subject, message, attempt)
                            SELECT ?, booking_id, type, channel, now() + interval '10 minutes', recipient, subject, message, attempt + 1
                            FROM reminders WHERE id = ? AND attempt < ?""")
                    .params(UUID.randomUUID(), o.reminderId(), MAX_ATTEMPT).update();
        }
    }
}
