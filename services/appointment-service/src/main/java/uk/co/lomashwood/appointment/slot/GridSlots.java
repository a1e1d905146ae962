package uk.co.lomashwood.appointment.slot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.appointment.common.London;
import uk.co.lomashwood.appointment.common.Specialisation;
import uk.co.lomashwood.appointment.common.Sql;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The read side of the availability grid: one query for a date range. */
@Repository
class GridSlots {

    private final JdbcClient jdbc;

    GridSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<GridCandidate> between(LocalDate from, LocalDate to, UUID showroomId, UUID consultantId) {
        Instant fromInstant = from.atStartOfDay(London.ZONE).toInstant();
        Instant toInstant = to.plusDays(1).atStartOfDay(London.ZONE).toInstant();
        return jdbc.sql("""
                        SELECT s.id, s.consultant_id, s.showroom_id, s.starts_at, s.ends_at, s.local_date, s.status,
                               c.name, c.avatar_url, c.specialisation, c.coverage_areas, c.max_daily_bookings, c.is_available,
                               COALESCE(d.n, 0) AS day_bookings
                        FROM time_slots s
                        JOIN consultants c ON c.id = s.consultant_id AND c.deleted_at IS NULL AND c.is_active
                        LEFT JOIN (SELECT consultant_id, (starts_at AT TIME ZONE 'Europe/London')::date AS day, count(*) AS n
                                   FROM bookings
                                   WHERE status IN ('PENDING', 'CONFIRMED') AND deleted_at IS NULL
                                     AND starts_at >= :fromInstant AND starts_at < :toInstant
                                   GROUP BY 1, 2) d ON d.consultant_id = s.consultant_id AND d.day = s.local_date
                        WHERE s.deleted_at IS NULL AND s.status <> 'BLOCKED' AND s.local_date BETWEEN :from AND :to
                          AND (CAST(:showroomId AS uuid) IS NULL OR s.showroom_id = :showroomId)
                          AND (CAST(:consultantId AS uuid) IS NULL OR s.consultant_id = :consultantId)
                        ORDER BY s.starts_at, s.consultant_id""")
                .param("fromInstant", Sql.ts(fromInstant)).param("toInstant", Sql.ts(toInstant))
                .param("from", from).param("to", to).param("showroomId", showroomId).param("consultantId", consultantId)
                .query(GridSlots::map).list();
    }

    /** Start instants of active SHOWROOM bookings at a showroom, for the capacity rule. */
    List<Instant[]> showroomBookings(UUID showroomId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT starts_at, ends_at FROM bookings
                        WHERE showroom_id = ? AND status IN ('PENDING', 'CONFIRMED') AND deleted_at IS NULL
                          AND starts_at >= ? AND starts_at < ?""")
                .params(showroomId, Sql.ts(from.atStartOfDay(London.ZONE).toInstant()),
                        Sql.ts(to.plusDays(1).atStartOfDay(London.ZONE).toInstant()))
                .query((rs, n) -> new Instant[]{Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at")}).list();
    }

    private static GridCandidate map(ResultSet rs, int row) throws SQLException {
        Array areas = rs.getArray("coverage_areas");
        return new GridCandidate(Sql.uuid(rs, "id"), Sql.uuid(rs, "consultant_id"), Sql.uuid(rs, "showroom_id"),
                Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), Sql.date(rs, "local_date"),
                TimeSlot.SlotStatus.valueOf(rs.getString("status")), rs.getString("name"), rs.getString("avatar_url"),
                Specialisation.valueOf(rs.getString("specialisation")),
                areas == null ? List.of() : Arrays.asList((String[]) areas.getArray()), rs.getInt("max_daily_bookings"),
                rs.getBoolean("is_available"), rs.getInt("day_bookings"));
    }
}
