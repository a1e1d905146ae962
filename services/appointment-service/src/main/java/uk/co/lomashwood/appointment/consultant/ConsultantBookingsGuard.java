package uk.co.lomashwood.appointment.consultant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.appointment.common.Sql;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a consultant's status change touches: their future bookings and free slots (plain SQL, no booking code). */
@Repository
class ConsultantBookingsGuard {

    static final String DEACTIVATED = "Consultant deactivated";

    private final JdbcClient jdbc;

    ConsultantBookingsGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> futureActiveBookings(UUID consultantId, Instant now) {
        return jdbc.sql("""
                        SELECT id FROM bookings WHERE consultant_id = ? AND status IN ('PENDING', 'CONFIRMED')
                          AND deleted_at IS NULL AND starts_at > ? ORDER BY starts_at""")
                .params(consultantId, Sql.ts(now)).query(UUID.class).list();
    }

    void blockFreeSlots(UUID consultantId, Instant now) {
        jdbc.sql("""
                        UPDATE time_slots SET status = 'BLOCKED', block_reason = ?, updated_at = ?
                        WHERE consultant_id = ? AND status = 'AVAILABLE' AND deleted_at IS NULL AND starts_at > ?""")
                .params(DEACTIVATED, Sql.ts(now), consultantId, Sql.ts(now)).update();
    }

    void unblockSlots(UUID consultantId, Instant now) {
        jdbc.sql("""
                        UPDATE time_slots SET status = 'AVAILABLE', block_reason = NULL, updated_at = ?
                        WHERE consultant_id = ? AND status = 'BLOCKED' AND block_reason = ? AND deleted_at IS NULL""")
                .params(Sql.ts(now), consultantId, DEACTIVATED).update();
    }

    void setActive(UUID consultantId, boolean active, Instant now) {
        jdbc.sql("UPDATE consultants SET is_active = ?, updated_at = ? WHERE id = ?")
                .params(active, Sql.ts(now), consultantId).update();
    }

    void softDelete(UUID consultantId, Instant now) {
        jdbc.sql("UPDATE consultants SET deleted_at = ?, is_active = false, updated_at = ? WHERE id = ?")
                .params(Sql.ts(now), Sql.ts(now), consultantId).update();
        jdbc.sql("UPDATE time_slots SET deleted_at = ?, updated_at = ? WHERE consultant_id = ? AND status <> 'BOOKED' "
                + "AND deleted_at IS NULL AND starts_at > ?").params(Sql.ts(now), Sql.ts(now), consultantId, Sql.ts(now)).update();
    }
}
