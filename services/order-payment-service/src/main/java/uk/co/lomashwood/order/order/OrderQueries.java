package uk.co.lomashwood.order.order;

import org.springframework.stereotype.Service;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Order reads (spec 20 §2.3): a customer sees only their own orders (another's is 404), ADMIN sees all. */
@Service
public class OrderQueries {

    private static final Map<String, String> SORTS = Map.of("createdAt", "created_at", "updatedAt", "updated_at",
            "orderNumber", "order_number", "totalAmount", "total_amount", "status", "status");

    private final OrderStore store;

    public OrderQueries(OrderStore store) {
        this.store = store;
    }

    /** The order if the caller may see it; 404 ORDER_NOT_FOUND otherwise. */
    public OrderRow visible(UUID id, UserContext caller) {
        OrderRow order = store.find(id).orElseThrow(OrderQueries::notFound);
        if (!caller.hasRole(Role.ADMIN) && !order.userId().equals(caller.requireUserId())) {
            throw notFound();
        }
        return order;
    }

    public OrderView view(UUID id, UserContext caller) {
        return views(List.of(visible(id, caller)), caller.hasRole(Role.ADMIN)).getFirst();
    }

    public OrderView adminView(UUID id) {
        return views(List.of(store.find(id).orElseThrow(OrderQueries::notFound)), true).getFirst();
    }

    /** {@code GET /v1/orders/number/:orderNumber}: the same visibility as by id. */
    public OrderView viewByNumber(String orderNumber, UserContext caller) {
        UUID id = store.jdbc().sql("SELECT id FROM orders WHERE order_number = ? AND deleted_at IS NULL")
                .param(orderNumber).query(UUID.class).optional().orElseThrow(OrderQueries::notFound);
        return view(id, caller);
    }

    /** {@code GET /v1/orders/pending/stale}: PENDING orders older than {@code hours} whose payment is still processing. */
    public List<OrderView> stalePending(int hours) {
        if (hours < 1 || hours > 720) {
            throw ValidationException.of("hours", "must be between 1 and 720");
        }
        List<OrderRow> rows = store.jdbc().sql("""
                        SELECT * FROM orders WHERE status = 'PENDING' AND payment_status = 'PROCESSING' AND deleted_at IS NULL
                           AND created_at < now() - make_interval(hours => ?) ORDER BY created_at LIMIT 100""")
                .param(hours).query(OrderStore::map).list();
        return views(rows, true);
    }

    public static ApiException notFound() {
        return new ApiException(ErrorCode.ORDER_NOT_FOUND, "No such order.");
    }

    /** List filters of {@code GET /v1/orders}. */
    public record Filter(String status, String paymentStatus, Instant startDate, Instant endDate, UUID userId,
                         String search, String sortBy, String sortOrder) {
    }

    public OffsetPage<OrderView> list(Filter filter, PageRequest page, UserContext caller) {
        Where where = where(filter, caller);
        long total = store.jdbc().sql("SELECT count(*) FROM orders" + where.sql()).params(where.params())
                .query(Long.class).single();
        List<OrderRow> rows = store.jdbc().sql("SELECT * FROM orders" + where.sql() + where.orderBy()
                        + " LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", page.limit()).param("offset", page.offset())
                .query(OrderStore::map).list();
        return new OffsetPage<>(views(rows, caller.hasRole(Role.ADMIN)), page.page(), page.limit(), total);
    }

    /** Up to {@code max} orders matching the filter in list order (staff export); more is 422 EXPORT_TOO_LARGE. */
    public List<OrderRow> export(Filter filter, int max, UserContext caller) {
        Where where = where(filter, caller);
        List<OrderRow> rows = store.jdbc().sql("SELECT * FROM orders" + where.sql() + where.orderBy() + " LIMIT :limit")
                .params(where.params()).param("limit", max + 1).query(OrderStore::map).list();
        if (rows.size() > max) {
            throw new ApiException(ErrorCode.EXPORT_TOO_LARGE, "Narrow the filters: an export holds at most " + max + " orders.");
        }
        return rows;
    }

    record Where(String sql, Map<String, Object> params, String orderBy) {
    }

    Where where(Filter filter, UserContext caller) {
        boolean admin = caller.hasRole(Role.ADMIN);
        StringBuilder where = new StringBuilder(" WHERE deleted_at IS NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!admin) {
            where.append(" AND user_id = :me");
            params.put("me", caller.requireUserId());
            if (filter.userId() != null || filter.search() != null) {
                throw ValidationException.of(filter.userId() != null ? "userId" : "search", "is for staff only");
            }
        } else if (filter.userId() != null) {
            where.append(" AND user_id = :userId");
            params.put("userId", filter.userId());
        }
        if (filter.status() != null) {
            where.append(" AND status IN (:statuses)");
            params.put("statuses", enumList(filter.status(), "status", OrderStatus.class));
        }
        if (filter.paymentStatus() != null) {
            where.append(" AND payment_status IN (:paymentStatuses)");
            params.put("paymentStatuses", enumList(filter.paymentStatus(), "paymentStatus", OrderPaymentStatus.class));
        }
        if (filter.startDate() != null && filter.endDate() != null && filter.startDate().isAfter(filter.endDate())) {
            throw ValidationException.of("startDate", "must not be after endDate");
        }
        if (filter.startDate() != null) {
            where.append(" AND created_at >= :start");
            params.put("start", Timestamp.from(filter.startDate()));
        }
        if (filter.endDate() != null) {
            where.append(" AND created_at <= :end");
            params.put("end", Timestamp.from(filter.endDate()));
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            if (filter.search().length() > 200) {
                throw ValidationException.of("search", "must be 200 characters or fewer");
            }
            where.append(" AND (order_number ILIKE :search OR customer_email ILIKE :search)");
            params.put("search", "%" + filter.search().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String column = SORTS.get(filter.sortBy() == null ? "createdAt" : filter.sortBy());
        if (column == null) {
            throw ValidationException.of("sortBy", "must be one of " + SORTS.keySet());
        }
        String direction = filter.sortOrder() == null ? "DESC" : switch (filter.sortOrder().toLowerCase(Locale.ROOT)) {
            case "asc" -> "ASC";
            case "desc" -> "DESC";
            default -> throw ValidationException.of("sortOrder", "must be asc or desc");
        };
        return new Where(where.toString(), params, " ORDER BY " + column + " " + direction + ", id " + direction);
    }

    public record Statistics(long totalOrders, Money totalRevenue, Money averageOrderValue, Map<String, Long> ordersByStatus,
                             String currency) {
    }

    /** {@code GET /v1/orders/statistics}: orders created in the window; revenue = paid minus refunded. */
    public Statistics statistics(Instant start, Instant end) {
        if (start != null && end != null && start.isAfter(end)) {
            throw ValidationException.of("startDate", "must not be after endDate");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("start", start == null ? null : Timestamp.from(start));
        params.put("end", end == null ? null : Timestamp.from(end));
        String window = " WHERE deleted_at IS NULL AND (CAST(:start AS timestamptz) IS NULL OR created_at >= :start)"
                + " AND (CAST(:end AS timestamptz) IS NULL OR created_at <= :end)";
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        store.jdbc().sql("SELECT status, count(*) AS n FROM orders" + window + " GROUP BY status").params(params)
                .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
                .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long[] revenue = store.jdbc().sql("""
                        SELECT coalesce(sum(amount_paid - amount_refunded), 0) AS revenue, count(*) FILTER (WHERE amount_paid > 0) AS paid
                          FROM orders""" + window).params(params)
                .query((rs, n) -> new long[] {rs.getLong("revenue"), rs.getLong("paid")}).single();
        long average = revenue[1] == 0 ? 0 : Math.round((double) revenue[0] / revenue[1]);
        return new Statistics(total, Money.ofPence(revenue[0]), Money.ofPence(average), byStatus, Money.CURRENCY);
    }

    public record RevenuePeriod(String period, long orderCount, Money grossRevenue, Money refunded, Money netRevenue,
                                String currency) {
    }

    private static final Map<String, Integer> REVENUE_RANGE_DAYS = Map.of("day", 365, "week", 730, "month", 1825);

    /**
     * {@code GET /v1/orders/revenue}: paid orders grouped by London day, week or month of payment confirmation; the
     * range may span at most 365, 730 or 1825 days respectively.
     */
    public List<RevenuePeriod> revenue(Instant start, Instant end, String groupBy) {
        if (start == null || end == null) {
            throw ValidationException.of(start == null ? "startDate" : "endDate", "is required");
        }
        String unit = groupBy == null ? "day" : groupBy.toLowerCase(Locale.ROOT);
        Integer maxDays = REVENUE_RANGE_DAYS.get(unit);
        if (maxDays == null) {
            throw ValidationException.of("groupBy", "must be day, week or month");
        }
        if (start.isAfter(end)) {
            throw ValidationException.of("startDate", "must not be after endDate");
        }
        if (java.time.Duration.between(start, end).toDays() > maxDays) {
            throw ValidationException.of("endDate", "a " + unit + " report spans at most " + maxDays + " days");
        }
        return store.jdbc().sql("""
                        SELECT to_char(date_trunc(:unit, confirmed_at AT TIME ZONE 'Europe/London'), 'YYYY-MM-DD') AS period,
                               count(*) AS n, sum(amount_paid) AS gross, sum(amount_refunded) AS refunded
                          FROM orders
                         WHERE deleted_at IS NULL AND amount_paid > 0 AND confirmed_at >= :start AND confirmed_at <= :end
                         GROUP BY 1 ORDER BY 1""")
                .param("unit", unit).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query((rs, n) -> new RevenuePeriod(rs.getString("period"), rs.getLong("n"), Money.ofPence(rs.getLong("gross")),
                        Money.ofPence(rs.getLong("refunded")), Money.ofPence(rs.getLong("gross") - rs.getLong("refunded")),
                        Money.CURRENCY))
                .list();
    }

    public record HistoryEntry(String field, String fromStatus, String toStatus, String actorType,
                               @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                               String changedBy,
                               @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                               String notes,
                               Instant createdAt) {
    }

    /** {@code GET /v1/orders/:id/history}: customers see the changes, not who made them or staff notes. */
    public List<HistoryEntry> history(UUID id, UserContext caller) {
        visible(id, caller);
        boolean admin = caller.hasRole(Role.ADMIN);
        return store.jdbc().sql("""
                        SELECT field, from_status, to_status, actor_type, changed_by, notes, created_at
                          FROM order_status_history WHERE order_id = ? ORDER BY created_at, id""")
                .param(id)
                .query((rs, n) -> new HistoryEntry(rs.getString("field"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getString("actor_type"), admin ? rs.getString("changed_by") : null,
                        admin || "CUSTOMER".equals(rs.getString("actor_type")) ? rs.getString("notes") : null,
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    List<OrderView> views(List<OrderRow> rows, boolean admin) {
        List<UUID> ids = rows.stream().map(OrderRow::id).toList();
        Map<UUID, List<OrderItemRow>> items = store.items(ids);
        Map<UUID, OrderStore.Tracking> tracking = store.tracking(ids);
        Map<UUID, UUID> invoices = store.invoiceIds(ids);
        Map<UUID, OrderStore.MethodName> methods = store.methods();
        List<OrderView> views = new ArrayList<>();
        for (OrderRow row : rows) {
            views.add(OrderView.of(row, items.getOrDefault(row.id(), List.of()), methods.get(row.shippingMethodId()),
                    tracking.get(row.id()), invoices.get(row.id()), admin));
        }
        return views;
    }

    private static <E extends Enum<E>> List<String> enumList(String raw, String field, Class<E> type) {
        Set<String> allowed = new java.util.HashSet<>(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        List<String> values = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
        if (values.isEmpty() || !allowed.containsAll(values)) {
            throw ValidationException.of(field, "must be a comma list of " + allowed);
        }
        return values;
    }
}
