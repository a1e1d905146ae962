package uk.co.lomashwood.order.shipping;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Shipment rows (spec 20 §2.2 shipments) with their order's number and owner. */
@Repository
public class Shipments {

    static final Set<String> STATUSES = Set.of("PENDING", "PROCESSING", "SHIPPED", "IN_TRANSIT", "OUT_FOR_DELIVERY",
            "DELIVERED", "FAILED", "RETURNED");
    private static final String SELECT = """
            SELECT s.*, o.order_number, o.user_id, m.code AS method_code, m.name AS method_name
              FROM shipments s JOIN orders o ON o.id = s.order_id JOIN shipping_methods m ON m.id = s.shipping_method_id
            """;

    private final JdbcClient jdbc;

    public Shipments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ShipmentView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE s.id = ? AND o.deleted_at IS NULL").param(id).query(Shipments::map).optional();
    }

    public Optional<ShipmentView> lock(UUID id) {
        return jdbc.sql(SELECT + " WHERE s.id = ? AND o.deleted_at IS NULL FOR UPDATE OF s").param(id).query(Shipments::map).optional();
    }

    public OffsetPage<ShipmentView> list(String status, String carrier, UUID orderId, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE o.deleted_at IS NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null) {
            List<String> statuses = Arrays.stream(status.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
            if (!STATUSES.containsAll(statuses)) {
                throw ValidationException.of("status", "must be a comma list of " + STATUSES);
            }
            where.append(" AND s.status IN (:statuses)");
            params.put("statuses", statuses);
        }
        if (carrier != null) {
            if (carrier.length() > 100) {
                throw ValidationException.of("carrier", "must be 100 characters or fewer");
            }
            where.append(" AND s.carrier ILIKE :carrier");
            params.put("carrier", carrier.trim());
        }
        if (orderId != null) {
            where.append(" AND s.order_id = :orderId");
            params.put("orderId", orderId);
        }
        long total = jdbc.sql("SELECT count(*) FROM shipments s JOIN orders o ON o.id = s.order_id" + where)
                .params(params).query(Long.class).single();
        List<ShipmentView> items = jdbc.sql(SELECT + where + " ORDER BY s.created_at DESC, s.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset()).query(Shipments::map).list();
        return new OffsetPage<>(items, page.page(), page.limit(), total);
    }

    public boolean trackingNumberTaken(String trackingNumber, UUID shipmentId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM shipments WHERE tracking_number = ? AND id <> ?)")
                .params(trackingNumber, shipmentId).query(Boolean.class).single();
    }

    public void ship(UUID id, String carrier, String trackingNumber, String trackingUrl, java.time.LocalDate estimate,
                     java.time.Instant now) {
        jdbc.sql("""
                        UPDATE shipments SET status = 'SHIPPED', carrier = ?, tracking_number = ?, tracking_url = ?,
                               estimated_delivery = ?, shipped_at = ?, updated_at = ? WHERE id = ?""")
                .params(carrier, trackingNumber, trackingUrl, estimate == null ? null : java.sql.Date.valueOf(estimate),
                        Timestamp.from(now), Timestamp.from(now), id)
                .update();
    }

    public void deliver(UUID id, java.time.Instant deliveredAt, java.time.Instant now) {
        jdbc.sql("UPDATE shipments SET status = 'DELIVERED', delivered_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(deliveredAt), Timestamp.from(now), id).update();
    }

    static ShipmentView map(ResultSet rs, int row) throws SQLException {
        java.sql.Date estimate = rs.getDate("estimated_delivery");
        return new ShipmentView(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getString("order_number"), rs.getObject("user_id", UUID.class),
                new ShipmentView.Method(rs.getObject("shipping_method_id", UUID.class), rs.getString("method_code"),
                        rs.getString("method_name")),
                rs.getString("status"), rs.getString("carrier"), rs.getString("tracking_number"), rs.getString("tracking_url"),
                rs.getString("shipping_address"), uk.co.lomashwood.platform.core.money.Money.ofPence(rs.getLong("shipping_cost")),
                "GBP", estimate == null ? null : estimate.toLocalDate(), instant(rs, "shipped_at"), instant(rs, "delivered_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
