package uk.co.lomashwood.order.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What customer-service reads about a user's orders (spec 20 §2.3 internal endpoints). */
@Service
public class CustomerOrders {

    private static final Set<String> STATUSES = Set.of("PENDING", "CONFIRMED", "PROCESSING", "SHIPPED", "DELIVERED",
            "COMPLETED", "CANCELLED", "EXPIRED", "REFUNDED");

    private final JdbcClient jdbc;

    public CustomerOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Summary(UUID id, String orderNumber, String status, String paymentStatus, Money totalAmount,
                          String currency, int itemCount, Instant createdAt) {
    }

    public OffsetPage<Summary> ofUser(UUID userId, String status, PageRequest page) {
        String where = " WHERE o.user_id = :userId AND o.deleted_at IS NULL";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("userId", userId);
        if (status != null) {
            List<String> statuses = Arrays.stream(status.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
            if (!STATUSES.containsAll(statuses)) {
                throw ValidationException.of("status", "must be a comma list of " + STATUSES);
            }
            where += " AND o.status IN (:statuses)";
            params.put("statuses", statuses);
        }
        long total = jdbc.sql("SELECT count(*) FROM orders o" + where).params(params).query(Long.class).single();
        List<Summary> items = jdbc.sql("""
                        SELECT o.id, o.order_number, o.status, o.payment_status, o.total_amount, o.currency, o.created_at,
                               (SELECT coalesce(sum(quantity), 0) FROM order_items i WHERE i.order_id = o.id) AS item_count
                          FROM orders o""" + where + " ORDER BY o.created_at DESC, o.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset())
                .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("order_number"),
                        rs.getString("status"), rs.getString("payment_status"), Money.ofPence(rs.getLong("total_amount")),
                        rs.getString("currency"), rs.getInt("item_count"), rs.getTimestamp("created_at").toInstant()))
                .list();
        return new OffsetPage<>(items, page.page(), page.limit(), total);
    }

    /** A COMPLETED order of the user containing the product (the given order, when named). */
    public Optional<UUID> verifiedPurchase(UUID userId, UUID productId, UUID orderId) {
        return jdbc.sql("""
                        SELECT o.id FROM orders o
                         WHERE o.user_id = :userId AND o.status = 'COMPLETED' AND o.deleted_at IS NULL
                           AND (CAST(:orderId AS uuid) IS NULL OR o.id = :orderId)
                           AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.product_id = :productId)
                         ORDER BY o.completed_at DESC NULLS LAST LIMIT 1""")
                .param("userId", userId).param("orderId", orderId).param("productId", productId)
                .query(UUID.class).optional();
    }

    /** GDPR export: orders with items, attempts (masked card data only), refunds and invoice numbers. */
    public Map<String, Object> export(UUID userId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("userId", userId);
        export.put("orders", rows("""
                SELECT id, order_number, status, payment_status, source, customer_email, customer_name, customer_phone,
                       subtotal, discount_amount, loyalty_points_redeemed, shipping_amount, tax_amount, total_amount,
                       amount_paid, amount_refunded, currency, coupon_code, shipping_address::text AS shipping_address,
                       billing_address::text AS billing_address, notes, appointment_id, cancellation_reason,
                       created_at, confirmed_at, shipped_at, delivered_at, completed_at, cancelled_at, expired_at
                  FROM orders WHERE user_id = ? AND deleted_at IS NULL ORDER BY created_at""", userId));
        export.put("items", rows("""
                SELECT i.order_id, i.product_id, i.variant_id, i.variant_name, i.colour_name, i.product_title, i.sku,
                       i.category, i.quantity, i.unit_price, i.total_price, i.discount_amount, i.tax_rate, i.tax_amount
                  FROM order_items i JOIN orders o ON o.id = i.order_id
                 WHERE o.user_id = ? AND o.deleted_at IS NULL ORDER BY o.created_at, i.created_at""", userId));
        export.put("payments", rows("""
                SELECT p.order_id, p.attempt_no, p.status, p.method, p.amount, p.amount_refunded, p.currency,
                       p.card_brand, p.card_last4, p.card_exp_month, p.card_exp_year, p.succeeded_at, p.created_at
                  FROM payments p JOIN orders o ON o.id = p.order_id
                 WHERE o.user_id = ? ORDER BY p.created_at""", userId));
        export.put("refunds", rows("""
                SELECT r.order_id, r.amount, r.currency, r.type, r.reason, r.status, r.created_at, r.settled_at
                  FROM refunds r JOIN orders o ON o.id = r.order_id
                 WHERE o.user_id = ? ORDER BY r.created_at""", userId));
        export.put("invoices", rows("""
                SELECT invoice_number, type, order_id, status, total_amount, currency, issued_at
                  FROM invoices WHERE user_id = ? AND deleted_at IS NULL ORDER BY created_at""", userId));
        return export;
    }

    /** Rows as maps with camelCase keys; pence columns (amount, price, subtotal …) shown as pounds. */
    private List<Map<String, Object>> rows(String sql, UUID userId) {
        return jdbc.sql(sql).param(userId).query((rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            var meta = rs.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                String column = meta.getColumnLabel(c);
                Object value = rs.getObject(c);
                if (value instanceof Timestamp ts) {
                    value = ts.toInstant();
                } else if (value instanceof Long pence && money(column)) {
                    value = Money.ofPence(pence);
                }
                row.put(camel(column), value);
            }
            return row;
        }).list();
    }

    private static boolean money(String column) {
        return column.endsWith("amount") || column.endsWith("price") || column.equals("subtotal")
                || column.equals("amount_refunded") || column.equals("amount_paid");
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
