package uk.co.lomashwood.product.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.product.cache.AfterCommit;
import uk.co.lomashwood.product.cache.CatalogueCache;
import uk.co.lomashwood.product.catalogue.Availability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * sync-inventory (spec 20 §1.6, §1.4.4): backfills the stock rows a live product or variant lacks (quantity 0),
 * corrects stored statuses that drifted from the numbers (alerting on entering LOW_STOCK / OUT_OF_STOCK with the
 * usual de-duplication) and counts rows whose reserved quantity disagrees with their ACTIVE reservations.
 */
@Service
class InventorySync {

    private final JdbcClient jdbc;
    private final StockStore store;
    private final StockAlerts alerts;
    private final CatalogueCache cache;
    private final AvailabilityFlips flips;

    InventorySync(JdbcClient jdbc, StockStore store, StockAlerts alerts, CatalogueCache cache,
                  AvailabilityFlips flips) {
        this.jdbc = jdbc;
        this.flips = flips;
        this.store = store;
        this.alerts = alerts;
        this.cache = cache;
    }

    /** What one run did; {@code reservedMismatches} are reported only, reservations are the sweeper's business. */
    record Report(int rowsCreated, int statusesCorrected, int reservedMismatches) {
    }

    @Transactional
    Report sync() {
        List<UUID> variantRows = jdbc.sql("""
                        INSERT INTO inventory (id, product_id, variant_id, sku)
                        SELECT gen_random_uuid(), s.product_id, s.id, s.sku
                          FROM product_sizes s JOIN products p ON p.id = s.product_id
                         WHERE p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM inventory i WHERE i.variant_id = s.id)
                        ON CONFLICT DO NOTHING RETURNING product_id""").query(UUID.class).list();
        List<UUID> productRows = jdbc.sql("""
                        INSERT INTO inventory (id, product_id, variant_id)
                        SELECT gen_random_uuid(), p.id, NULL FROM products p
                         WHERE p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM product_sizes s WHERE s.product_id = p.id)
                           AND NOT EXISTS (SELECT 1 FROM inventory i WHERE i.product_id = p.id AND i.variant_id IS NULL)
                        ON CONFLICT DO NOTHING RETURNING product_id""").query(UUID.class).list();
        Set<UUID> changedProducts = new TreeSet<>(variantRows);
        changedProducts.addAll(productRows);
        int created = variantRows.size() + productRows.size();
        int corrected = 0;
        Map<UUID, String> stored = new java.util.HashMap<>();
        jdbc.sql("SELECT id, status, quantity, reserved_quantity, low_stock_threshold FROM inventory WHERE deleted_at IS NULL")
                .query(rs -> {
                    StockLevel level = new StockLevel(rs.getInt("quantity"), rs.getInt("reserved_quantity"),
                            rs.getInt("low_stock_threshold"));
                    if (!level.status().name().equals(rs.getString("status"))) {
                        stored.put(rs.getObject("id", UUID.class), rs.getString("status"));
                    }
                });
        AvailabilityFlips.Changes changes = flips.changes();
        if (!stored.isEmpty()) {
            for (InventoryRow row : store.lock(stored.keySet())) {
                store.save(row);
                Availability before = Availability.valueOf(stored.get(row.id()));
                alerts.check(before, row);
                changes.note(row.id(), row.productId(), before, row.level().status());
                changedProducts.add(row.productId());
                corrected++;
            }
        }
        changes.invalidateFlippedProducts();
        int mismatches = jdbc.sql("""
                        SELECT count(*) FROM inventory i
                         WHERE i.deleted_at IS NULL AND i.reserved_quantity <> coalesce((SELECT sum(r.quantity)
                               FROM inventory_reservations r WHERE r.inventory_id = i.id AND r.status = 'ACTIVE'), 0)""")
                .query(Integer.class).single();
        List<UUID> invalidate = new ArrayList<>(changedProducts);
        AfterCommit.run(() -> invalidate.forEach(cache::productChanged));
        return new Report(created, corrected, mismatches);
    }
}
