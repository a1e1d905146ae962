package uk.co.lomashwood.order.refund;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import uk.co.lomashwood.order.invoice.QueryValues;
import uk.co.lomashwood.order.invoice.SqlWhere;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads of {@code /v1/refunds}: the admin table, one refund, an order's refunds, summary, eligibility, breakdown. */
@Service
public class RefundQueries {

    private static final Map<String, String> SORTS = Map.of("createdAt", "r.created_at", "updatedAt", "r.updated_at",
            "amount", "r.amount", "status", "r.status", "settledAt", "r.settled_at", "processedAt", "r.processed_at");
    private static final Set<String> STATUSES = Arrays.stream(RefundStatus.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    /** The admin table's query parameters. */
    record Filter(UUID orderId, UUID paymentId, String status, String requestedBy, String stripeRefundId, Money amountMin,
                  Money amountMax, String createdFrom, String createdTo, String settledFrom, String settledTo,
                  String search, String sort) {
    }

    private final Refunds refunds;
    private final RefundableOrders orders;
    private final RefundEligibility eligibility;
    private final JdbcClient jdbc;

    public RefundQueries(Refunds refunds, RefundableOrders orders, RefundEligibility eligibility, JdbcClient jdbc) {
        this.refunds = refunds;
        this.orders = orders;
        this.eligibility = eligibility;
        this.jdbc = jdbc;
    }

    OffsetPage<RefundView> table(Filter f, PageRequest page) {
        if (f.search() != null && f.search().length() > 200) {
            throw ValidationException.of("search", "at most 200 characters");
        }
        SqlWhere where = new SqlWhere("true")
                .and("r.order_id = :orderId", "orderId", f.orderId())
                .and("r.payment_id = :paymentId", "paymentId", f.paymentId())
                .and("r.status IN (:statuses)", "statuses", f.status() == null ? null : Arrays.stream(f.status().split(","))
                        .map(s -> QueryValues.oneOf("status", s.trim(), STATUSES)).toList())
                .and("r.requested_by = :requestedBy", "requestedBy", f.requestedBy())
                .and("r.stripe_refund_id = :stripeId", "stripeId", f.stripeRefundId())
                .and("r.amount >= :min", "min", f.amountMin() == null ? null : f.amountMin().pence())
                .and("r.amount <= :max", "max", f.amountMax() == null ? null : f.amountMax().pence())
                .and("r.created_at >= :createdFrom", "createdFrom", QueryValues.instant("createdFrom", f.createdFrom()))
                .and("r.created_at < :createdTo", "createdTo", QueryValues.instant("createdTo", f.createdTo()))
                .and("r.settled_at >= :settledFrom", "settledFrom", QueryValues.instant("settledFrom", f.settledFrom()))
                .and("r.settled_at < :settledTo", "settledTo", QueryValues.instant("settledTo", f.settledTo()))
                .and("""
                        (r.stripe_refund_id ILIKE :search OR r.notes ILIKE :search
                         OR EXISTS (SELECT 1 FROM orders o WHERE o.id = r.order_id AND o.order_number ILIKE :search))""",
                        "search", f.search() == null || f.search().isBlank() ? null : "%" + f.search().trim()
                                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        String orderBy = QueryValues.orderBy(f.sort(), SORTS, "r.id");
        return new OffsetPage<>(refunds.page(where.sql(), where.params(), orderBy, page.limit(), page.offset()).stream()
                .map(RefundView::of).toList(), page.page(), page.limit(), refunds.count(where.sql(), where.params()));
    }

    RefundView one(UUID refundId, UserContext caller) {
        return refunds.find(refundId).filter(r -> visible(r.orderId(), caller)).map(RefundView::of)
                .orElseThrow(RefundActions::notFound);
    }

    List<RefundView> ofOrder(UUID orderId, UserContext caller) {
        requireVisibleOrder(orderId, caller);
        return refunds.ofOrder(orderId).stream().map(RefundView::of).toList();
    }

    Map<String, Object> summary(UUID orderId, UserContext caller) {
        requireVisibleOrder(orderId, caller);
        OrderFunds funds = orders.read(orderId).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("totalPaid", Money.ofPence(funds.amountPaid()));
        body.put("totalRefunded", Money.ofPence(funds.settled()));
        body.put("pendingRefunds", Money.ofPence(funds.pending()));
        body.put("remainingRefundable", Money.ofPence(funds.captured() ? funds.remaining() : 0));
        body.put("refundCount", funds.refundCount());
        body.put("currency", funds.currency());
        return body;
    }

    Map<String, Object> eligibility(UUID orderId) {
        OrderFunds funds = orders.read(orderId)
                .orElseThrow(() -> new ApiException(ErrorCode.ORDER_NOT_FOUND, "No such order."));
        var refusal = eligibility.adminRefusal(funds);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eligible", refusal.isEmpty());
        body.put("reason", refusal.map(e -> e.code().name()).orElse(null));
        body.put("detail", refusal.map(ApiException::detail).orElse(null));
        body.put("maxRefundableAmount", Money.ofPence(refusal.isEmpty() ? funds.remaining() : 0));
        body.put("currency", funds.currency());
        return body;
    }

    List<Map<String, Object>> statusBreakdown() {
        return jdbc.sql("SELECT status, count(*) AS n, COALESCE(sum(amount), 0) AS total FROM refunds GROUP BY status ORDER BY status")
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("status", rs.getString("status"));
                    row.put("count", rs.getLong("n"));
                    row.put("amount", Money.ofPence(rs.getLong("total")));
                    row.put("currency", "GBP");
                    return row;
                }).list();
    }

    private void requireVisibleOrder(UUID orderId, UserContext caller) {
        if (!visible(orderId, caller)) {
            throw new ApiException(ErrorCode.ORDER_NOT_FOUND, "No such order.");
        }
    }

    private boolean visible(UUID orderId, UserContext caller) {
        caller.requireUserId();
        return orders.owner(orderId).filter(owner -> caller.hasRole(Role.ADMIN) || owner.equals(caller.userId())).isPresent();
    }
}
