package uk.co.lomashwood.appointment.booking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.appointment.common.Sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /v1/appointments/stats/overview: counts over bookings starting in [from, to). */
@Repository
public class BookingStats {

    public record Overview(long total, Map<String, Long> byStatus, Map<String, Long> byType, long kitchenOnly,
                           long bedroomOnly, long both, BigDecimal cancellationRate, BigDecimal noShowRate,
                           BigDecimal slotUtilisation) {
    }

    private final JdbcClient jdbc;

    public BookingStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Overview overview(Instant from, Instant to) {
        String where = " FROM bookings WHERE deleted_at IS NULL AND starts_at >= ? AND starts_at < ?";
        Map<String, Long> byStatus = grouped("SELECT status, count(*)" + where + " GROUP BY status", from, to);
        Map<String, Long> byType = grouped("SELECT appointment_type, count(*)" + where + " GROUP BY appointment_type", from, to);
        Map<String, Long> categories = grouped("""
                SELECT CASE WHEN for_kitchen AND for_bedroom THEN 'both' WHEN for_kitchen THEN 'kitchen' ELSE 'bedroom' END,
                       count(*)""" + where + " GROUP BY 1", from, to);
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long slots = jdbc.sql("SELECT count(*) FROM time_slots WHERE deleted_at IS NULL AND status <> 'BLOCKED' "
                + "AND starts_at >= ? AND starts_at < ?").params(Sql.ts(from), Sql.ts(to)).query(Long.class).single();
        long booked = jdbc.sql("SELECT count(*) FROM time_slots WHERE deleted_at IS NULL AND status = 'BOOKED' "
                + "AND starts_at >= ? AND starts_at < ?").params(Sql.ts(from), Sql.ts(to)).query(Long.class).single();
        return new Overview(total, byStatus, byType, categories.getOrDefault("kitchen", 0L),
                categories.getOrDefault("bedroom", 0L), categories.getOrDefault("both", 0L),
                rate(byStatus.getOrDefault("CANCELLED", 0L), total), rate(byStatus.getOrDefault("NO_SHOW", 0L), total),
                rate(booked, slots));
    }

    private Map<String, Long> grouped(String sql, Instant from, Instant to) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql(sql).params(Sql.ts(from), Sql.ts(to)).query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
