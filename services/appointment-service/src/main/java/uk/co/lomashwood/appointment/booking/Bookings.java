package uk.co.lomashwood.appointment.booking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.appointment.common.Actor;
import uk.co.lomashwood.appointment.common.AppointmentType;
import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.appointment.common.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

@Repository
public class Bookings {

    static final String COLUMNS = """
            b.id, b.reference_code, b.user_id, b.appointment_type, b.for_kitchen, b.for_bedroom, b.customer_name,
            b.customer_email, b.customer_phone, b.customer_postcode, b.customer_address, b.showroom_id, b.channel, b.notes,
            b.internal_notes, b.meeting_url, b.send_notifications, b.created_at, b.updated_at, b.status, b.slot_id,
            b.consultant_id, b.starts_at, b.ends_at, b.reschedule_count, b.confirmed_at, b.completed_at, b.completed_by,
            b.cancelled_at, b.cancelled_by, b.cancellation_reason""";

    private final JdbcClient jdbc;

    public Bookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Booking> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings b WHERE b.id = ? AND b.deleted_at IS NULL")
                .param(id).query(Bookings::map).optional();
    }

    public Optional<Booking> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings b WHERE b.id = ? AND b.deleted_at IS NULL FOR UPDATE")
                .param(id).query(Bookings::map).optional();
    }

    /** {@code BK-yyyyMMdd-NNNN}: London creation date and a per-day counter taken in the booking's transaction. */
    String nextReference(Instant now) {
        LocalDate day = London.dateOf(now);
        int n = jdbc.sql("""
                        INSERT INTO booking_reference_counters (day, last_no) VALUES (?, 1)
                        ON CONFLICT (day) DO UPDATE SET last_no = booking_reference_counters.last_no + 1
                        RETURNING last_no""")
                .param(day).query(Integer.class).single();
        return "BK-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%04d", n);
    }

    long activeOnDay(UUID consultantId, LocalDate day) {
        return jdbc.sql("""
                        SELECT count(*) FROM bookings WHERE consultant_id = ? AND status IN ('PENDING', 'CONFIRMED')
                          AND deleted_at IS NULL AND starts_at >= ? AND starts_at < ?""")
                .params(consultantId, Sql.ts(day.atStartOfDay(London.ZONE).toInstant()),
                        Sql.ts(day.plusDays(1).atStartOfDay(London.ZONE).toInstant()))
                .query(Long.class).single();
    }

    long activeShowroomOverlaps(UUID showroomId, Instant start, Instant end) {
        return jdbc.sql("""
                        SELECT count(*) FROM bookings WHERE showroom_id = ? AND status IN ('PENDING', 'CONFIRMED')
                          AND deleted_at IS NULL AND starts_at < ? AND ends_at > ?""")
                .params(showroomId, Sql.ts(end), Sql.ts(start)).query(Long.class).single();
    }

    void insert(Booking booking, String manageTokenHash, UUID actor) {
        Booking.BookingData d = booking.data();
        Booking.BookingState s = booking.state();
        CustomerDetails c = d.customer();
        jdbc.sql("""
                        INSERT INTO bookings (id, reference_code, user_id, appointment_type, for_kitchen, for_bedroom,
                            customer_name, customer_email, customer_phone, customer_postcode, customer_address, slot_id,
                            consultant_id, showroom_id, starts_at, ends_at, status, channel, notes, internal_notes,
                            send_notifications, confirmed_at, manage_token_hash, created_by, updated_by, created_at, updated_at)
                        VALUES (:id, :ref, :userId, :type, :kitchen, :bedroom, :name, :email, :phone, :postcode, :address,
                            :slotId, :consultantId, :showroomId, :startsAt, :endsAt, :status, :channel, :notes, :internalNotes,
                            :send, :confirmedAt, :tokenHash, :actor, :actor, :createdAt, :createdAt)""")
                .param("id", d.id()).param("ref", d.referenceCode()).param("userId", d.userId())
                .param("type", d.type().name()).param("kitchen", d.forKitchen()).param("bedroom", d.forBedroom())
                .param("name", c.name()).param("email", c.email()).param("phone", c.phone())
                .param("postcode", c.postcode()).param("address", c.address()).param("slotId", s.slotId())
                .param("consultantId", s.consultantId()).param("showroomId", d.showroomId())
                .param("startsAt", Sql.ts(s.startsAt())).param("endsAt", Sql.ts(s.endsAt()))
                .param("status", s.status().name()).param("channel", d.channel()).param("notes", d.notes())
                .param("internalNotes", d.internalNotes()).param("send", d.sendNotifications())
                .param("confirmedAt", Sql.ts(s.confirmedAt())).param("tokenHash", manageTokenHash).param("actor", actor)
                .param("createdAt", Sql.ts(d.createdAt())).update();
    }

    void updateState(Booking booking, UUID actor, Instant now) {
        Booking.BookingState s = booking.state();
        jdbc.sql("""
                        UPDATE bookings SET status = :status, slot_id = :slotId, consultant_id = :consultantId,
                            starts_at = :startsAt, ends_at = :endsAt, reschedule_count = :count, confirmed_at = :confirmedAt,
                            completed_at = :completedAt, completed_by = :completedBy, cancelled_at = :cancelledAt,
                            cancelled_by = :cancelledBy, cancellation_reason = :reason, updated_by = :actor, updated_at = :now
                        WHERE id = :id""")
                .param("status", s.status().name()).param("slotId", s.slotId()).param("consultantId", s.consultantId())
                .param("startsAt", Sql.ts(s.startsAt())).param("endsAt", Sql.ts(s.endsAt()))
                .param("count", s.rescheduleCount()).param("confirmedAt", Sql.ts(s.confirmedAt()))
                .param("completedAt", Sql.ts(s.completedAt()))
                .param("completedBy", s.completedBy() == null ? null : s.completedBy().name())
                .param("cancelledAt", Sql.ts(s.cancelledAt()))
                .param("cancelledBy", s.cancelledBy() == null ? null : s.cancelledBy().name())
                .param("reason", s.cancellationReason()).param("actor", actor).param("now", Sql.ts(now))
                .param("id", booking.id()).update();
    }

    void updateDetails(Booking booking, UUID actor, Instant now) {
        Booking.BookingData d = booking.data();
        CustomerDetails c = d.customer();
        jdbc.sql("""
                        UPDATE bookings SET customer_name = :name, customer_email = :email, customer_phone = :phone,
                            customer_postcode = :postcode, customer_address = :address, for_kitchen = :kitchen,
                            for_bedroom = :bedroom, notes = :notes, internal_notes = :internalNotes, meeting_url = :meetingUrl,
                            updated_by = :actor, updated_at = :now
                        WHERE id = :id""")
                .param("name", c.name()).param("email", c.email()).param("phone", c.phone()).param("postcode", c.postcode())
                .param("address", c.address()).param("kitchen", d.forKitchen()).param("bedroom", d.forBedroom())
                .param("notes", d.notes()).param("internalNotes", d.internalNotes()).param("meetingUrl", d.meetingUrl())
                .param("actor", actor).param("now", Sql.ts(now)).param("id", booking.id()).update();
    }

    void softDelete(UUID id, UUID actor, Instant now) {
        jdbc.sql("UPDATE bookings SET deleted_at = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(Sql.ts(now), actor, Sql.ts(now), id).update();
    }

    void recordReschedule(UUID bookingId, UUID fromSlot, UUID toSlot, Instant fromStart, Instant toStart, String reason,
                          Actor actor, UUID actorUserId) {
        jdbc.sql("""
                        INSERT INTO booking_reschedules (id, booking_id, from_slot_id, to_slot_id, from_starts_at, to_starts_at,
                            reason, rescheduled_by, actor_user_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), bookingId, fromSlot, toSlot, Sql.ts(fromStart), Sql.ts(toStart), reason,
                        actor.name(), actorUserId).update();
    }

    static Booking map(ResultSet rs, int row) throws SQLException {
        CustomerDetails customer = new CustomerDetails(rs.getString("customer_name"), rs.getString("customer_email"),
                rs.getString("customer_phone"), rs.getString("customer_postcode"), rs.getString("customer_address"));
        Booking.BookingData data = new Booking.BookingData(Sql.uuid(rs, "id"), rs.getString("reference_code"),
                Sql.uuid(rs, "user_id"), AppointmentType.valueOf(rs.getString("appointment_type")),
                rs.getBoolean("for_kitchen"), rs.getBoolean("for_bedroom"), customer, Sql.uuid(rs, "showroom_id"),
                rs.getString("channel"), rs.getString("notes"), rs.getString("internal_notes"), rs.getString("meeting_url"),
                rs.getBoolean("send_notifications"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
        Booking.BookingState state = new Booking.BookingState(BookingStatus.valueOf(rs.getString("status")),
                Sql.uuid(rs, "slot_id"), Sql.uuid(rs, "consultant_id"), Sql.instant(rs, "starts_at"),
                Sql.instant(rs, "ends_at"), rs.getInt("reschedule_count"), Sql.instant(rs, "confirmed_at"),
                Sql.instant(rs, "completed_at"), actor(rs.getString("completed_by")), Sql.instant(rs, "cancelled_at"),
                actor(rs.getString("cancelled_by")), rs.getString("cancellation_reason"));
        return new Booking(data, state);
    }

    private static Actor actor(String value) {
        return value == null ? null : Actor.valueOf(value);
    }
}
