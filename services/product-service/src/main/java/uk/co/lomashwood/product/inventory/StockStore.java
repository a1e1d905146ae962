package uk.co.lomashwood.product.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Inventory rows, reservations and movements. */
@Repository
class StockStore {

    private final JdbcClient jdbc;

    StockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Reservation(UUID id, UUID orderId, UUID inventoryId, UUID productId, UUID variantId, int quantity,
                       String status, Instant expiresAt) {
    }

    Optional<UUID> rowFor(UUID productId, UUID variantId) {
        return jdbc.sql("""
                        SELECT id FROM inventory WHERE product_id = ? AND variant_id IS NOT DISTINCT FROM ?
                           AND deleted_at IS NULL""")
                .params(productId, variantId).query(UUID.class).optional();
    }

    boolean productExists(UUID productId) {
        return jdbc.sql("SELECT count(*) FROM products WHERE id = ? AND deleted_at IS NULL").param(productId)
                .query(Long.class).single() > 0;
    }

    /** Locks rows in id order, so concurrent multi-line orders cannot deadlock. */
    List<InventoryRow> lock(Collection<UUID> ids) {
        return jdbc.sql("""
                        SELECT id, product_id, variant_id, sku, quantity, reserved_quantity, low_stock_threshold
                          FROM inventory WHERE id IN (:ids) ORDER BY id FOR UPDATE""")
                .param("ids", List.copyOf(ids)).query(StockStore::row).list();
    }

    void save(InventoryRow row) {
        jdbc.sql("""
                        UPDATE inventory SET quantity = ?, reserved_quantity = ?, status = ?, updated_at = now(),
                               version = version + 1 WHERE id = ?""")
                .params(row.level().quantity(), row.level().reserved(), row.level().status().name(), row.id()).update();
    }

    void move(InventoryRow after, String type, int quantityDelta, int reservedDelta, UUID orderId, String actor) {
        jdbc.sql("""
                        INSERT INTO inventory_movements (id, inventory_id, type, quantity_delta, reserved_delta,
                               quantity_after, order_id, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), after.id(), type, quantityDelta, reservedDelta, after.level().quantity(),
                        orderId, actor).update();
    }

    List<Reservation> reservationsOf(UUID orderId, boolean lock) {
        return jdbc.sql("SELECT * FROM inventory_reservations WHERE order_id = ? ORDER BY inventory_id"
                        + (lock ? " FOR UPDATE" : ""))
                .param(orderId).query((rs, n) -> new Reservation(rs.getObject("id", UUID.class), orderId,
                        rs.getObject("inventory_id", UUID.class), rs.getObject("product_id", UUID.class),
                        rs.getObject("variant_id", UUID.class), rs.getInt("quantity"), rs.getString("status"),
                        rs.getTimestamp("expires_at").toInstant())).list();
    }

    void insertReservation(Reservation r) {
        jdbc.sql("""
                        INSERT INTO inventory_reservations (id, order_id, inventory_id, product_id, variant_id, quantity,
                               status, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.orderId(), r.inventoryId(), r.productId(), r.variantId(), r.quantity(), r.status(),
                        java.sql.Timestamp.from(r.expiresAt())).update();
    }

    void markOrdered(UUID orderId, Instant at) {
        jdbc.sql("""
                        UPDATE products SET last_ordered_at = ?
                         WHERE id IN (SELECT product_id FROM inventory_reservations WHERE order_id = ?)""")
                .params(java.sql.Timestamp.from(at), orderId).update();
    }

    void setStatus(UUID reservationId, String status) {
        jdbc.sql("UPDATE inventory_reservations SET status = ?, updated_at = now() WHERE id = ?")
                .params(status, reservationId).update();
    }

    /** ACTIVE reservations past their expiry, oldest first. */
    List<UUID> expiredOrders(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT order_id, min(expires_at) AS first FROM inventory_reservations
                         WHERE status = 'ACTIVE' AND expires_at < ? GROUP BY order_id ORDER BY first LIMIT ?""")
                .params(java.sql.Timestamp.from(now), limit).query((rs, n) -> rs.getObject("order_id", UUID.class)).list();
    }

    record Stock(UUID id, UUID productId, String productTitle, UUID variantId, String sku, int quantity,
                 int reservedQuantity, int availableQuantity, int lowStockThreshold, String status,
                 String warehouseLocation, Instant lastRestockedAt, Instant createdAt, Instant updatedAt) {
    }

    record Totals(long totalItems, long inStockItems, long lowStockItems, long outOfStockItems, long totalQuantity,
                  long totalReserved, long availableQuantity) {
    }

    List<Stock> ofProduct(UUID productId) {
        return find("i.product_id = ? ORDER BY i.variant_id NULLS FIRST, i.id", productId);
    }

    /** Live rows with their product's title; {@code where} is a fixed condition of this class, values are bound. */
    List<Stock> find(String where, Object... params) {
        return jdbc.sql("SELECT i.*, p.title FROM inventory i JOIN products p ON p.id = i.product_id "
                        + "WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL AND " + where)
                .params(params).query(StockStore::stock).list();
    }

    private static Stock stock(ResultSet rs, int n) throws SQLException {
        return new Stock(rs.getObject("id", UUID.class),
                rs.getObject("product_id", UUID.class), rs.getString("title"),
                rs.getObject("variant_id", UUID.class), rs.getString("sku"), rs.getInt("quantity"),
                rs.getInt("reserved_quantity"), rs.getInt("available_quantity"), rs.getInt("low_stock_threshold"),
                rs.getString("status"), rs.getString("warehouse_location"),
                rs.getTimestamp("last_restocked_at") == null ? null : rs.getTimestamp("last_restocked_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    Totals totals() {
        return jdbc.sql("""
                        SELECT count(*) AS items, count(*) FILTER (WHERE i.status = 'IN_STOCK') AS in_stock,
                               count(*) FILTER (WHERE i.status = 'LOW_STOCK') AS low,
                               count(*) FILTER (WHERE i.status = 'OUT_OF_STOCK') AS out,
                               coalesce(sum(i.quantity), 0) AS quantity, coalesce(sum(i.reserved_quantity), 0) AS reserved,
                               coalesce(sum(i.available_quantity), 0) AS available
                          FROM inventory i JOIN products p ON p.id = i.product_id
                         WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL""")
                .query((rs, n) -> new Totals(rs.getLong("items"), rs.getLong("in_stock"), rs.getLong("low"),
                        rs.getLong("out"), rs.getLong("quantity"), rs.getLong("reserved"), rs.getLong("available")))
                .single();
    }

    void restocked(UUID inventoryId, Instant at) {
        jdbc.sql("UPDATE inventory SET last_restocked_at = ? WHERE id = ?").params(java.sql.Timestamp.from(at), inventoryId)
                .update();
    }

    void moveWithReason(InventoryRow after, String type, int quantityDelta, String reason, String actor) {
        jdbc.sql("""
                        INSERT INTO inventory_movements (id, inventory_id, type, quantity_delta, reserved_delta,
                               quantity_after, reason, actor_id) VALUES (?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(UUID.randomUUID(), after.id(), type, quantityDelta, after.level().quantity(), reason, actor)
                .update();
    }

    boolean variantOf(UUID productId, UUID variantId) {
        return jdbc.sql("SELECT count(*) FROM product_sizes WHERE id = ? AND product_id = ?").params(variantId, productId)
                .query(Long.class).single() > 0;
    }

    /** Any row for (product, variant), live or soft-deleted: the unique key covers both. */
    Optional<UUID> anyRowFor(UUID productId, UUID variantId, boolean liveOnly) {
        return jdbc.sql("SELECT id FROM inventory WHERE product_id = ? AND variant_id IS NOT DISTINCT FROM ?"
                        + (liveOnly ? " AND deleted_at IS NULL" : ""))
                .params(productId, variantId).query(UUID.class).optional();
    }

    boolean skuTaken(String sku, UUID except) {
        return sku != null && jdbc.sql("SELECT count(*) FROM inventory WHERE sku = ? AND id <> ?")
                .params(sku, except == null ? new UUID(0, 0) : except).query(Long.class).single() > 0;
    }

    /** A new row, or a soft-deleted one brought back with the given numbers. */
    void upsertRow(UUID id, UUID productId, UUID variantId, StockLevel level, String location, String sku) {
        jdbc.sql("""
                        INSERT INTO inventory (id, product_id, variant_id, sku, quantity, low_stock_threshold, status,
                               warehouse_location) VALUES (:id, :product, :variant, :sku, :quantity, :threshold, :status,
                               :location)
                        ON CONFLICT (product_id, variant_id) DO UPDATE SET sku = :sku, quantity = :quantity,
                               reserved_quantity = 0, low_stock_threshold = :threshold, status = :status,
                               warehouse_location = :location, deleted_at = NULL, updated_at = now(),
                               version = inventory.version + 1""")
                .param("id", id).param("product", productId).param("variant", variantId).param("sku", sku)
                .param("quantity", level.quantity()).param("threshold", level.lowStockThreshold())
                .param("status", level.status().name()).param("location", location).update();
    }

    void saveDetails(InventoryRow row, String location) {
        jdbc.sql("""
                        UPDATE inventory SET quantity = ?, reserved_quantity = ?, low_stock_threshold = ?, status = ?,
                               warehouse_location = ?, sku = ?, updated_at = now(), version = version + 1 WHERE id = ?""")
                .params(row.level().quantity(), row.level().reserved(), row.level().lowStockThreshold(),
                        row.level().status().name(), location, row.sku(), row.id()).update();
    }

    /** Soft delete; the SKU is released so that it can name another row. */
    void softDelete(UUID id) {
        jdbc.sql("UPDATE inventory SET deleted_at = now(), sku = NULL, updated_at = now(), version = version + 1 WHERE id = ?")
                .param(id).update();
    }

    /** Null when the row has none (rows created with the product have none); single() refuses a null value. */
    String location(UUID id) {
        List<String> location = jdbc.sql("SELECT warehouse_location FROM inventory WHERE id = ?").param(id)
                .query(String.class).list();
        return location.isEmpty() ? null : location.getFirst();
    }

    record ListQuery(String status, UUID productId, String location, String search, String sort, boolean desc,
                     uk.co.lomashwood.platform.core.page.PageRequest page) {
    }

    uk.co.lomashwood.platform.core.page.OffsetPage<Stock> list(ListQuery q) {
        String where = """
                (CAST(:status AS varchar) IS NULL OR i.status = :status)
                AND (CAST(:product AS uuid) IS NULL OR i.product_id = :product)
                AND (CAST(:location AS varchar) IS NULL OR i.warehouse_location = :location)
                AND (CAST(:q AS varchar) IS NULL OR i.sku ILIKE '%' || :q || '%'
                     OR i.warehouse_location ILIKE '%' || :q || '%' OR p.title ILIKE '%' || :q || '%')""";
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("status", q.status());
        params.put("product", q.productId());
        params.put("location", q.location());
        params.put("q", q.search());
        long total = jdbc.sql("SELECT count(*) FROM inventory i JOIN products p ON p.id = i.product_id "
                        + "WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL AND " + where)
                .params(params).query(Long.class).single();
        List<Stock> items = find(where + " ORDER BY " + q.sort() + (q.desc() ? " DESC" : " ASC")
                + " NULLS LAST, i.id LIMIT " + q.page().limit() + " OFFSET " + q.page().offset(), params);
        return new uk.co.lomashwood.platform.core.page.OffsetPage<>(items, q.page().page(), q.page().limit(), total);
    }

    private List<Stock> find(String where, java.util.Map<String, Object> params) {
        return jdbc.sql("SELECT i.*, p.title FROM inventory i JOIN products p ON p.id = i.product_id "
                        + "WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL AND " + where)
                .params(params).query(StockStore::stock).list();
    }

    private static InventoryRow row(ResultSet rs, int n) throws SQLException {
        return new InventoryRow(rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class),
                rs.getObject("variant_id", UUID.class), rs.getString("sku"),
                new StockLevel(rs.getInt("quantity"), rs.getInt("reserved_quantity"), rs.getInt("low_stock_threshold")));
    }
}
