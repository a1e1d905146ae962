package uk.co.lomashwood.order.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;

/**
 * {@code GET /v1/payments/statistics} (ADMIN, spec 20 §2.3): attempts created in the window (default the last 30
 * days), how many succeeded or failed, what was captured and refunded, per day, week, month or year (UTC).
 */
@Service
public class PaymentStatistics {

    private static final Set<String> GROUPS = Set.of("day", "week", "month", "year");
    private static final Duration MAX_WINDOW = Duration.ofDays(1830);
    private static final String CAPTURED = "status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED')";

    private final JdbcClient jdbc;
    private final Clock clock;

    public PaymentStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Map<String, Object> of(Instant fromDate, Instant toDate, String groupBy) {
        Instant to = toDate == null ? clock.instant() : toDate;
        Instant from = fromDate == null ? to.minus(Duration.ofDays(30)) : fromDate;
        String group = groupBy == null ? "day" : groupBy;
        if (!GROUPS.contains(group)) {
            throw new ValidationException(List.of(new FieldViolation("groupBy", "must be day, week, month or year")));
        }
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new ValidationException(List.of(new FieldViolation("toDate",
                    "must be after fromDate and at most five years later")));
        }
        String select = "count(*), count(*) FILTER (WHERE " + CAPTURED + "), count(*) FILTER (WHERE status = 'FAILED'), "
                + "COALESCE(sum(amount) FILTER (WHERE " + CAPTURED + "), 0), COALESCE(sum(amount_refunded), 0)";
        Map<String, Object> totals = jdbc.sql("SELECT " + select + " FROM payments WHERE created_at >= ? AND created_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
        List<Map<String, Object>> periods = jdbc.sql("SELECT date_trunc('" + group + "', created_at AT TIME ZONE 'UTC') AS p, "
                        + select + " FROM payments WHERE created_at >= ? AND created_at < ? GROUP BY p ORDER BY p")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> {
                    Map<String, Object> period = new LinkedHashMap<>();
                    period.put("period", rs.getTimestamp("p").toLocalDateTime().toLocalDate().toString());
                    period.putAll(figures(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                    return period;
                })
                .list();
        Map<String, Object> data = new LinkedHashMap<>(totals);
        data.put("currency", Money.CURRENCY);
        data.put("byPeriod", periods);
        return data;
    }

    private static Map<String, Object> figures(long count, long succeeded, long failed, long captured, long refunded) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("count", count);
        figures.put("succeeded", succeeded);
        figures.put("failed", failed);
        figures.put("amountCaptured", Money.ofPence(captured));
        figures.put("amountRefunded", Money.ofPence(refunded));
        return figures;
    }
}
