package uk.co.lomashwood.appointment.reminder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.appointment.common.AppointmentType;
import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.appointment.common.ManageLinks;
import uk.co.lomashwood.appointment.common.Sql;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run of {@code send-reminders} (spec 30 §1.4.8). Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * instances running at the same moment never pick the same reminder, and each is marked SENT in the transaction
 * that writes its outbox event.
 */
@Service
public class ReminderDispatch {

    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final OutboxPublisher outbox;
    private final ManageLinks links;
    private final Clock clock;

    public ReminderDispatch(JdbcClient jdbc, OutboxPublisher outbox, ManageLinks links, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    record Due(UUID id, UUID bookingId, String type, String channel, String recipient, String subject, String message,
               String referenceCode, String customerName, AppointmentType appointmentType, Instant startsAt,
               String showroomName, String showroomAddress, String customerAddress) {
    }

    /** @return how many reminders were published */
    @Transactional
    public int sendDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                        SELECT r.id, r.booking_id, r.type, r.channel, r.recipient, r.subject, r.message, b.reference_code,
                               b.customer_name, b.appointment_type, b.starts_at, b.customer_address,
                               s.name AS showroom_name, s.address AS showroom_address
                        FROM reminders r
                        JOIN bookings b ON b.id = r.booking_id
                        LEFT JOIN showrooms s ON s.id = b.showroom_id
                        WHERE r.status = 'PENDING' AND r.scheduled_for <= :now
                          AND b.status = 'CONFIRMED' AND b.deleted_at IS NULL AND b.starts_at > :now
                        ORDER BY r.scheduled_for
                        LIMIT :batch
                        FOR UPDATE OF r SKIP LOCKED""")
                .param("now", Sql.ts(now)).param("batch", BATCH).query(ReminderDispatch::map).list();
        int sent = 0;
        for (Due reminder : due) {
            if ("APPOINTMENT_24H".equals(reminder.type()) && reminder.startsAt().isBefore(now.plus(Duration.ofHours(2)))) {
                mark(reminder.id(), "CANCELLED", null, now);
                continue;
            }
            outbox.publish("appointment.reminder.due", reminder.bookingId().toString(), event(reminder));
            mark(reminder.id(), "SENT", now, now);
            sent++;
        }
        return sent;
    }

    private Map<String, Object> event(Due r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reminderId", r.id());
        data.put("bookingId", r.bookingId());
        data.put("referenceCode", r.referenceCode());
        data.put("reminderType", r.type());
        data.put("channel", r.channel());
        data.put("recipient", r.recipient());
        data.put("customerName", r.customerName());
        data.put("appointmentType", r.appointmentType());
        data.put("scheduledAt", r.startsAt());
        data.put("localDateTime", London.describe(r.startsAt()));
        data.put("location", location(r));
        data.put("manageUrl", links.urlFor(r.bookingId()));
        data.put("subject", r.subject());
        data.put("message", r.message());
        return data;
    }

    private static String location(Due r) {
        return switch (r.appointmentType()) {
            case SHOWROOM -> r.showroomName() + ", " + r.showroomAddress();
            case HOME_MEASUREMENT -> r.customerAddress();
            case ONLINE -> "Online (video call)";
        };
    }

    private void mark(UUID id, String status, Instant sentAt, Instant now) {
        jdbc.sql("UPDATE reminders SET status = ?, sent_at = ?, updated_at = ? WHERE id = ?")
                .params(status, Sql.ts(sentAt), Sql.ts(now), id).update();
    }

    private static Due map(ResultSet rs, int row) throws SQLException {
        return new Due(Sql.uuid(rs, "id"), Sql.uuid(rs, "booking_id"), rs.getString("type"), rs.getString("channel"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("message"), rs.getString("reference_code"),
                rs.getString("customer_name"), AppointmentType.valueOf(rs.getString("appointment_type")),
                Sql.instant(rs, "starts_at"), rs.getString("showroom_name"), rs.getString("showroom_address"),
                rs.getString("customer_address"));
    }
}
