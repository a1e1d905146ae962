package uk.co.lomashwood.order.order;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL for orders, their items, status history and the shipment row created with them. */
@Repository
public class OrderStore {

    private final JdbcClient jdbc;

    public OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public Optional<OrderRow> find(UUID id) {
        return jdbc.sql("SELECT * FROM orders WHERE id = ? AND deleted_at IS NULL").param(id).query(OrderStore::map).optional();
    }

    /**
     * The order an earlier request with this Idempotency-Key created within 24 h (the platform keeps no answer for a
     * 502, so a retry after a payment-provider failure resumes that order instead of placing a second one).
     */
    public Optional<OrderRow> byIdempotencyKey(UUID userId, String key) {
        return jdbc.sql("""
                        SELECT * FROM orders WHERE user_id = ? AND metadata->>'idempotencyKey' = ?
                           AND created_at > now() - interval '24 hours' AND deleted_at IS NULL
                         ORDER BY created_at LIMIT 1""")
                .params(userId, key).query(OrderStore::map).optional();
    }

    /** The row locked for a state change. */
    public Optional<OrderRow> lock(UUID id) {
        return jdbc.sql("SELECT * FROM orders WHERE id = ? AND deleted_at IS NULL FOR UPDATE").param(id)
                .query(OrderStore::map).optional();
    }

    public List<OrderItemRow> items(UUID orderId) {
        return items(List.of(orderId)).getOrDefault(orderId, List.of());
    }

    public Map<UUID, List<OrderItemRow>> items(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM order_items WHERE order_id IN (:ids) ORDER BY order_id, created_at, id")
                .param("ids", orderIds).query(OrderStore::mapItem).list().stream()
                .collect(Collectors.groupingBy(OrderItemRow::orderId, LinkedHashMap::new, Collectors.toList()));
    }

    public void history(UUID orderId, String field, String from, String to, String changedBy, String actorType, String notes) {
        jdbc.sql("""
                        INSERT INTO order_status_history (id, order_id, field, from_status, to_status, changed_by, actor_type, notes)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), orderId, field, from, to, changedBy, actorType, notes).update();
    }

    public void audit(UUID orderId, String action, String actor, String actorType, String changesJson) {
        jdbc.sql("""
                        INSERT INTO order_audit_logs (id, order_id, action, actor, actor_type, changes)
                        VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))""")
                .params(UUID.randomUUID(), orderId, action, actor, actorType, changesJson).update();
    }

    /** Moves the status and stamps the matching timestamp column (confirmed_at, shipped_at …) when there is one. */
    public void moveStatus(UUID orderId, OrderStatus to, Instant at) {
        String stamp = switch (to) {
            case CONFIRMED -> "confirmed_at";
            case SHIPPED -> "shipped_at";
            case DELIVERED -> "delivered_at";
            case COMPLETED -> "completed_at";
            case CANCELLED -> "cancelled_at";
            case EXPIRED -> "expired_at";
            default -> null;
        };
        String set = stamp == null ? "" : ", " + stamp + " = :at";
        jdbc.sql("UPDATE orders SET status = :status, updated_at = :at, version = version + 1" + set + " WHERE id = :id")
                .param("status", to.name()).param("at", Timestamp.from(at)).param("id", orderId).update();
    }

    public record Tracking(UUID shipmentId, String status, String carrier, String trackingNumber, String trackingUrl,
                           java.time.LocalDate estimatedDelivery) {
    }

    public Map<UUID, Tracking> tracking(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT order_id, id, status, carrier, tracking_number, tracking_url, estimated_delivery
                          FROM shipments WHERE order_id IN (:ids)""")
                .param("ids", orderIds)
                .query((rs, n) -> Map.entry(rs.getObject("order_id", UUID.class), new Tracking(rs.getObject("id", UUID.class),
                        rs.getString("status"), rs.getString("carrier"), rs.getString("tracking_number"),
                        rs.getString("tracking_url"), toLocalDate(rs.getDate("estimated_delivery")))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Map<UUID, UUID> invoiceIds(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT order_id, id FROM invoices
                         WHERE order_id IN (:ids) AND type = 'INVOICE' AND status <> 'VOID' AND deleted_at IS NULL""")
                .param("ids", orderIds)
                .query((rs, n) -> Map.entry(rs.getObject("order_id", UUID.class), rs.getObject("id", UUID.class)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    public record MethodName(UUID id, String code, String name) {
    }

    public Map<UUID, MethodName> methods() {
        return jdbc.sql("SELECT id, code, name FROM shipping_methods").query((rs, n) -> new MethodName(
                rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"))).list().stream()
                .collect(Collectors.toMap(MethodName::id, m -> m));
    }

    static OrderRow map(ResultSet rs, int row) throws SQLException {
        return new OrderRow(rs.getObject("id", UUID.class), rs.getString("order_number"), rs.getObject("user_id", UUID.class),
                rs.getString("customer_email"), rs.getString("customer_name"), rs.getString("customer_phone"),
                OrderStatus.valueOf(rs.getString("status")), OrderPaymentStatus.valueOf(rs.getString("payment_status")),
                rs.getString("source"), rs.getLong("subtotal"), rs.getLong("discount_amount"),
                rs.getInt("loyalty_points_redeemed"), rs.getLong("loyalty_discount_amount"), rs.getLong("shipping_amount"),
                rs.getLong("tax_amount"), rs.getLong("total_amount"), rs.getLong("amount_paid"),
                rs.getLong("amount_refunded"), rs.getString("currency"), rs.getString("coupon_code"),
                rs.getObject("shipping_method_id", UUID.class), rs.getString("shipping_address"),
                rs.getString("billing_address"), rs.getString("notes"), rs.getString("internal_notes"),
                rs.getObject("appointment_id", UUID.class), rs.getString("cancellation_reason"),
                rs.getString("cancellation_note"), instant(rs, "expires_at"), instant(rs, "confirmed_at"),
                instant(rs, "shipped_at"), instant(rs, "delivered_at"), instant(rs, "completed_at"),
                instant(rs, "cancelled_at"), instant(rs, "expired_at"), toLocalDate(rs.getDate("estimated_delivery_date")),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static OrderItemRow mapItem(ResultSet rs, int row) throws SQLException {
        return new OrderItemRow(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("product_id", UUID.class), rs.getObject("variant_id", UUID.class), rs.getString("variant_name"),
                rs.getObject("colour_id", UUID.class), rs.getString("colour_name"), rs.getString("product_title"),
                rs.getString("sku"), rs.getString("category"), rs.getString("range_name"), rs.getInt("quantity"),
                rs.getLong("unit_price"), rs.getLong("total_price"), rs.getLong("discount_amount"),
                rs.getBigDecimal("tax_rate"), rs.getLong("tax_amount"), rs.getString("image_url"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static java.time.LocalDate toLocalDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
