package uk.co.lomashwood.order.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/invoices/statistics}: what was invoiced and credited, and the VAT that leaves (invoice VAT minus
 * credit-note VAT), by issue date in Europe/London; voided documents do not count.
 */
@Component
class InvoiceStatistics {

    private static final Set<String> GROUPS = Set.of("day", "week", "month", "year");

    private final JdbcClient jdbc;

    InvoiceStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Object> of(String fromDate, String toDate, String groupBy) {
        String group = QueryValues.oneOf("groupBy", groupBy == null ? "month" : groupBy, GROUPS);
        OffsetDateTime from = QueryValues.instant("fromDate", fromDate);
        OffsetDateTime to = QueryValues.instant("toDate", toDate);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ValidationException.of("toDate", "must be after fromDate");
        }
        SqlWhere where = new SqlWhere("i.deleted_at IS NULL AND i.status <> 'VOID'")
                .and("i.issued_at >= :from", "from", from)
                .and("i.issued_at < :to", "to", to);
        List<Map<String, Object>> periods = jdbc.sql("""
                        SELECT date_trunc(:group, i.issued_at AT TIME ZONE 'Europe/London')::date AS period,
                               COALESCE(sum(i.total_amount) FILTER (WHERE i.type = 'INVOICE'), 0) AS invoiced,
                               COALESCE(sum(i.total_amount) FILTER (WHERE i.type = 'CREDIT_NOTE'), 0) AS credited,
                               COALESCE(sum(CASE WHEN i.type = 'INVOICE' THEN i.tax_amount ELSE -i.tax_amount END), 0) AS vat,
                               count(*) FILTER (WHERE i.type = 'INVOICE') AS invoices,
                               count(*) FILTER (WHERE i.type = 'CREDIT_NOTE') AS credit_notes
                          FROM invoices i WHERE\s""" + where.sql() + " GROUP BY 1 ORDER BY 1")
                .params(where.params()).param("group", group)
                .query((rs, n) -> figures(rs.getObject("period", LocalDate.class), rs.getLong("invoiced"),
                        rs.getLong("credited"), rs.getLong("vat"), rs.getLong("invoices"), rs.getLong("credit_notes")))
                .list();
        Map<String, Object> total = figures(null, sum(periods, "invoiced"), sum(periods, "creditNotes"),
                sum(periods, "vatCollected"), periods.stream().mapToLong(p -> (long) p.get("count")).sum(),
                periods.stream().mapToLong(p -> (long) p.get("creditNoteCount")).sum());
        total.remove("period");
        total.put("groupBy", group);
        total.put("byPeriod", periods);
        return total;
    }

    private static Map<String, Object> figures(LocalDate period, long invoiced, long credited, long vat, long count,
                                               long creditNotes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("period", period);
        row.put("invoiced", Money.ofPence(invoiced));
        row.put("creditNotes", Money.ofPence(credited));
        row.put("vatCollected", Money.ofPence(vat));
        row.put("count", count);
        row.put("creditNoteCount", creditNotes);
        row.put("currency", "GBP");
        return row;
    }

    private static long sum(List<Map<String, Object>> periods, String field) {
        return periods.stream().mapToLong(p -> ((Money) p.get(field)).pence()).sum();
    }
}
