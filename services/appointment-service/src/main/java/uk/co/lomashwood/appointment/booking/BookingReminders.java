package uk.co.lomashwood.appointment.booking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.appointment.common.Sql;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The reminder rows of one booking, for staff (GET /v1/appointments/{id}/reminders). */
@Repository
public class BookingReminders {

    public record Reminder(UUID id, String type, String channel, String status, Instant scheduledFor, Instant sentAt,
                           Instant deliveredAt, int attempt, String lastError) {
    }

    private final JdbcClient jdbc;

    public BookingReminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Reminder> of(UUID bookingId) {
        return jdbc.sql("""
                        SELECT id, type, channel, status, scheduled_for, sent_at, delivered_at, attempt, last_error
                        FROM reminders WHERE booking_id = ? ORDER BY scheduled_for, created_at""")
                .param(bookingId)
                .query((rs, n) -> new Reminder(Sql.uuid(rs, "id"), rs.getString("type"), rs.getString("channel"),
                        rs.getString("status"), Sql.instant(rs, "scheduled_for"), Sql.instant(rs, "sent_at"),
                        Sql.instant(rs, "delivered_at"), rs.getInt("attempt"), rs.getString("last_error")))
                .list();
    }
}
