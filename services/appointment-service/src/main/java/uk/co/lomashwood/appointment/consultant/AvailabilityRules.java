package uk.co.lomashwood.appointment.consultant;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.appointment.common.Sql;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class AvailabilityRules {

    private final JdbcClient jdbc;

    public AvailabilityRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AvailabilityRule> of(UUID consultantId) {
        return jdbc.sql("""
                        SELECT id, consultant_id, day_of_week, start_time, end_time, is_recurring, specific_date, is_blocked,
                               block_reason, valid_from, valid_to
                        FROM availability WHERE consultant_id = ? AND deleted_at IS NULL
                        ORDER BY is_recurring DESC, specific_date, day_of_week, start_time""")
                .param(consultantId).query(AvailabilityRules::map).list();
    }

    /** 409 AVAILABILITY_CONFLICT when the window overlaps another working window of that day (exclusion constraint). */
    public void insert(AvailabilityRule r) {
        try {
            jdbc.sql("""
                            INSERT INTO availability (id, consultant_id, day_of_week, start_time, end_time, is_recurring,
                                specific_date, is_blocked, block_reason, valid_from, valid_to)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.id(), r.consultantId(), r.dayOfWeek().name(), r.startTime(), r.endTime(), r.recurring(),
                            r.specificDate(), r.blocked(), r.blockReason(), r.validFrom(), r.validTo())
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw new ApiException(ErrorCode.AVAILABILITY_CONFLICT, "This window overlaps another working window that day.");
        }
    }

    public Optional<AvailabilityRule> find(UUID id) {
        return jdbc.sql("""
                        SELECT id, consultant_id, day_of_week, start_time, end_time, is_recurring, specific_date, is_blocked,
                               block_reason, valid_from, valid_to
                        FROM availability WHERE id = ? AND deleted_at IS NULL""")
                .param(id).query(AvailabilityRules::map).optional();
    }

    public void update(AvailabilityRule r) {
        try {
            jdbc.sql("""
                            UPDATE availability SET start_time = ?, end_time = ?, is_blocked = ?, block_reason = ?,
                                valid_from = ?, valid_to = ?, updated_at = now()
                            WHERE id = ?""")
                    .params(r.startTime(), r.endTime(), r.blocked(), r.blockReason(), r.validFrom(), r.validTo(), r.id())
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw new ApiException(ErrorCode.AVAILABILITY_CONFLICT, "This window overlaps another working window that day.");
        }
    }

    public void delete(UUID id) {
        jdbc.sql("UPDATE availability SET deleted_at = now(), updated_at = now() WHERE id = ?").param(id).update();
    }

    private static AvailabilityRule map(ResultSet rs, int row) throws SQLException {
        return new AvailabilityRule(Sql.uuid(rs, "id"), Sql.uuid(rs, "consultant_id"),
                DayOfWeek.valueOf(rs.getString("day_of_week")), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class), rs.getBoolean("is_recurring"), Sql.date(rs, "specific_date"),
                rs.getBoolean("is_blocked"), rs.getString("block_reason"), Sql.date(rs, "valid_from"),
                Sql.date(rs, "valid_to"));
    }
}
