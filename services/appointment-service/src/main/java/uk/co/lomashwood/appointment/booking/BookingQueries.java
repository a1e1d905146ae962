package uk.co.lomashwood.appointment.booking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.appointment.common.Sql;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read side: bookings joined with consultant, showroom and reminder state. */
@Repository
public class BookingQueries {

    static final String FROM = """
            SELECT %s, b.created_by,
                   c.name AS c_name, c.avatar_url AS c_avatar, c.email AS c_email, c.phone AS c_phone,
                   s.name AS s_name, s.slug AS s_slug, s.address AS s_address, s.phone AS s_phone, s.map_link AS s_map,
                   r24.status AS r24_status, r24.sent_at AS r24_sent, r1.status AS r1_status, r1.sent_at AS r1_sent
            FROM bookings b
            JOIN consultants c ON c.id = b.consultant_id
            LEFT JOIN showrooms s ON s.id = b.showroom_id
            LEFT JOIN LATERAL (SELECT status, sent_at FROM reminders WHERE booking_id = b.id AND type = 'APPOINTMENT_24H'
                               ORDER BY created_at DESC LIMIT 1) r24 ON true
            LEFT JOIN LATERAL (SELECT status, sent_at FROM reminders WHERE booking_id = b.id AND type = 'APPOINTMENT_1H'
                               ORDER BY created_at DESC LIMIT 1) r1 ON true
            """.formatted(Bookings.COLUMNS);

    private final JdbcClient jdbc;

    public BookingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BookingDetails> find(UUID id) {
        return jdbc.sql(FROM + " WHERE b.id = ? AND b.deleted_at IS NULL").param(id).query(BookingQueries::map).optional();
    }

    public OffsetPage<BookingDetails> ofUser(UUID userId, List<String> statuses, boolean upcoming, Instant now,
                                             PageRequest page) {
        String where = " WHERE b.user_id = :userId AND b.deleted_at IS NULL"
                + (statuses.isEmpty() ? "" : " AND b.status IN (:statuses)")
                + (upcoming ? " AND b.starts_at > :now" : "");
        var count = jdbc.sql("SELECT count(*) FROM bookings b" + where).param("userId", userId).param("now", Sql.ts(now));
        var select = jdbc.sql(FROM + where + " ORDER BY b.starts_at, b.id LIMIT :limit OFFSET :offset")
                .param("userId", userId).param("now", Sql.ts(now)).param("limit", page.limit()).param("offset", page.offset());
        if (!statuses.isEmpty()) {
            count = count.param("statuses", statuses);
            select = select.param("statuses", statuses);
        }
        return new OffsetPage<>(select.query(BookingQueries::map).list(), page.page(), page.limit(),
                count.query(Long.class).single());
    }

    static BookingDetails map(ResultSet rs, int row) throws SQLException {
        Booking booking = Bookings.map(rs, row);
        var consultant = new BookingDetails.ConsultantRef(Sql.uuid(rs, "consultant_id"), rs.getString("c_name"),
                rs.getString("c_avatar"), rs.getString("c_email"), rs.getString("c_phone"));
        UUID showroomId = Sql.uuid(rs, "showroom_id");
        var showroom = showroomId == null ? null : new BookingDetails.ShowroomRef(showroomId, rs.getString("s_name"),
                rs.getString("s_slug"), rs.getString("s_address"), rs.getString("s_phone"), rs.getString("s_map"));
        var h24 = rs.getString("r24_status") == null ? null
                : new BookingDetails.ReminderRef(rs.getString("r24_status"), Sql.instant(rs, "r24_sent"));
        var h1 = rs.getString("r1_status") == null ? null
                : new BookingDetails.ReminderRef(rs.getString("r1_status"), Sql.instant(rs, "r1_sent"));
        Instant created = Sql.instant(rs, "created_at");
        boolean attention = booking.status() == BookingStatus.PENDING
                && created.isBefore(Instant.now().minus(java.time.Duration.ofHours(24)));
        return new BookingDetails(booking, consultant, showroom, h24, h1, created, Sql.instant(rs, "updated_at"),
                Sql.uuid(rs, "created_by"), attention);
    }
}
