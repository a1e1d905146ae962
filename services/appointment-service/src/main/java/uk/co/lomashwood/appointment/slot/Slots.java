package uk.co.lomashwood.appointment.slot;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.appointment.common.Sql;
import uk.co.lomashwood.appointment.slot.SlotPlanner.PlannedSlot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import java.util.Optional;
import java.util.UUID;

@Repository
public class Slots {

    private static final String COLUMNS = """
            id, consultant_id, showroom_id, starts_at, ends_at, local_date, status, booking_id,
            deleted_at IS NOT NULL AS deleted""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public Slots(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<TimeSlot> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM time_slots WHERE id = ?").param(id).query(Slots::map).optional();
    }

    /** Row lock: bookings of one slot run one at a time (spec 30 §1.4.4 step 2). */
    public Optional<TimeSlot> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM time_slots WHERE id = ? FOR UPDATE").param(id).query(Slots::map).optional();
    }

    public void markBooked(UUID slotId, UUID bookingId, Instant now) {
        jdbc.sql("UPDATE time_slots SET status = 'BOOKED', booking_id = ?, updated_at = ? WHERE id = ?")
                .params(bookingId, Sql.ts(now), slotId).update();
    }

    public void release(UUID slotId, Instant now) {
        jdbc.sql("UPDATE time_slots SET status = 'AVAILABLE', booking_id = NULL, updated_at = ? WHERE id = ? AND starts_at > ?")
                .params(Sql.ts(now), slotId, Sql.ts(now)).update();
        jdbc.sql("UPDATE time_slots SET booking_id = NULL, status = 'BLOCKED', block_reason = 'Past', updated_at = ? "
                + "WHERE id = ? AND starts_at <= ? AND status = 'BOOKED'").params(Sql.ts(now), slotId, Sql.ts(now)).update();
    }

    public OffsetPage<TimeSlot> list(UUID consultantId, UUID showroomId, String status, LocalDate from, LocalDate to,
                                     PageRequest page) {
        String where = """
                 WHERE deleted_at IS NULL
                   AND (CAST(:consultantId AS uuid) IS NULL OR consultant_id = :consultantId)
                   AND (CAST(:showroomId AS uuid) IS NULL OR showroom_id = :showroomId)
                   AND (CAST(:status AS text) IS NULL OR status = :status)
                   AND (CAST(:from AS date) IS NULL OR local_date >= :from)
                   AND (CAST(:to AS date) IS NULL OR local_date <= :to)""";
        var count = jdbc.sql("SELECT count(*) FROM time_slots " + where);
        var select = jdbc.sql("SELECT " + COLUMNS + " FROM time_slots " + where
                + " ORDER BY starts_at, consultant_id LIMIT :limit OFFSET :offset");
        for (var spec : List.of(count, select)) {
            spec.param("consultantId", consultantId).param("showroomId", showroomId).param("status", status)
                    .param("from", from).param("to", to);
        }
        long total = count.query(Long.class).single();
        return new OffsetPage<>(select.param("limit", page.limit()).param("offset", page.offset()).query(Slots::map).list(),
                page.page(), page.limit(), total);
    }

    void softDelete(UUID slotId, Instant now) {
        jdbc.sql("UPDATE time_slots SET deleted_at = ?, updated_at = ? WHERE id = ?").params(Sql.ts(now), Sql.ts(now), slotId).update();
    }

    void setStatus(UUID slotId, TimeSlot.SlotStatus status, String reason, Instant now) {
        jdbc.sql("UPDATE time_slots SET status = ?, block_reason = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), reason, Sql.ts(now), slotId).update();
    }

    List<TimeSlot> activeBetween(UUID consultantId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + COLUMNS + ", source FROM time_slots WHERE consultant_id = ? AND deleted_at IS NULL "
                        + "AND local_date BETWEEN ? AND ?")
                .params(consultantId, from, to).query(Slots::map).list();
    }

    /** Generated free slots the rules no longer produce; booked, blocked and manual slots are never touched. */
    int removeGenerated(UUID consultantId, List<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE time_slots SET deleted_at = :now, updated_at = :now WHERE consultant_id = :consultant "
                        + "AND id IN (:ids) AND status = 'AVAILABLE' AND source = 'GENERATED' AND deleted_at IS NULL")
                .param("now", Sql.ts(now)).param("consultant", consultantId).param("ids", ids).update();
    }

    /** Overlaps with existing slots are skipped by the exclusion constraint rather than failing the batch. */
    int insertGenerated(UUID consultantId, UUID showroomId, List<PlannedSlot> planned) {
        int[][] counts = template.batchUpdate("""
                        INSERT INTO time_slots (id, consultant_id, showroom_id, availability_id, starts_at, ends_at,
                            local_date, duration_minutes)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", planned, 500, (ps, p) -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, consultantId);
            ps.setObject(3, showroomId);
            ps.setObject(4, p.availabilityId());
            ps.setObject(5, Sql.ts(p.startsAt()));
            ps.setObject(6, Sql.ts(p.endsAt()));
            ps.setObject(7, p.date());
            ps.setInt(8, (int) java.time.Duration.between(p.startsAt(), p.endsAt()).toMinutes());
        });
        int total = 0;
        for (int[] batch : counts) {
            for (int n : batch) {
                total += Math.max(n, 0);
            }
        }
        return total;
    }

    static TimeSlot map(ResultSet rs, int row) throws SQLException {
        return new TimeSlot(Sql.uuid(rs, "id"), Sql.uuid(rs, "consultant_id"), Sql.uuid(rs, "showroom_id"),
                Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), Sql.date(rs, "local_date"),
                TimeSlot.SlotStatus.valueOf(rs.getString("status")), Sql.uuid(rs, "booking_id"), rs.getBoolean("deleted"));
    }
}
