package uk.co.lomashwood.product.inventory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.product.cache.AfterCommit;
import uk.co.lomashwood.product.cache.CatalogueCache;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Admin stock changes (spec 20 §1.3 Inventory): restock and write-off, each with its movement and event. */
@Service
public class StockAdministration {

    private final StockStore store;
    private final StockEvents events;
    private final CatalogueCache cache;
    private final Clock clock;
    private final StockAlerts alerts;

    public StockAdministration(StockStore store, StockEvents events, CatalogueCache cache, Clock clock,
                               StockAlerts alerts) {
        this.alerts = alerts;
        this.store = store;
        this.events = events;
        this.cache = cache;
        this.clock = clock;
    }

    public enum Decrement { ADJUSTMENT, DAMAGE }

    public List<StockStore.Stock> ofProduct(UUID productId) {
        if (!store.productExists(productId)) {
            throw new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "No such product.");
        }
        return store.ofProduct(productId);
    }

    public StockStore.Stock get(UUID id) {
        return store.find("i.id = ?", id).stream().findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.INVENTORY_NOT_FOUND, "No such stock row."));
    }

    public StockStore.Stock bySku(String sku) {
        return store.find("i.sku = ?", sku).stream().findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.INVENTORY_NOT_FOUND, "No stock row with this SKU."));
    }

    public enum View { LOW_STOCK, OUT_OF_STOCK, RESERVED }

    /** The admin dashboards' short lists (at most 500 rows each). */
    public List<StockStore.Stock> view(View view) {
        return switch (view) {
            case LOW_STOCK -> store.find("i.status = 'LOW_STOCK' ORDER BY i.available_quantity, i.id LIMIT 500");
            case OUT_OF_STOCK -> store.find("i.status = 'OUT_OF_STOCK' ORDER BY i.updated_at DESC, i.id LIMIT 500");
            case RESERVED -> store.find("i.reserved_quantity > 0 ORDER BY i.reserved_quantity DESC, i.id LIMIT 500");
        };
    }

    public StockStore.Totals totals() {
        return store.totals();
    }

    @Transactional
    public StockStore.Stock increment(UUID productId, UUID variantId, int quantity, String reason, UUID actor) {
        InventoryRow before = lockRow(productId, variantId);
        if ((long) before.level().quantity() + quantity > 999_999) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "Stock on hand cannot exceed 999999.");
        }
        InventoryRow after = before.with(before.level().restock(quantity));
        store.save(after);
        store.restocked(after.id(), clock.instant());
        store.moveWithReason(after, "RESTOCK", quantity, reason, actor.toString());
        return finish(before, after, actor);
    }

    /** Only available (unreserved) stock can be written off. */
    @Transactional
    public StockStore.Stock decrement(UUID productId, UUID variantId, int quantity, Decrement type, String reason,
                                      UUID actor) {
        InventoryRow before = lockRow(productId, variantId);
        if (!before.level().canReserve(quantity)) {
            throw new ApiException(ErrorCode.INSUFFICIENT_STOCK, "Only unreserved stock can be removed.")
                    .with("available", before.level().available());
        }
        InventoryRow after = before.with(before.level().take(quantity));
        store.save(after);
        store.moveWithReason(after, type.name(), -quantity, reason, actor.toString());
        return finish(before, after, actor);
    }

    private StockStore.Stock finish(InventoryRow before, InventoryRow after, UUID actor) {
        events.updated(before, after, "ADMIN_UPDATE", null, actor.toString());
        if (before.level().status() != after.level().status()) {
            alerts.check(before, after);
            AfterCommit.run(() -> cache.productChanged(after.productId()));
        }
        return store.ofProduct(after.productId()).stream().filter(s -> s.id().equals(after.id())).findFirst()
                .orElseThrow();
    }

    private InventoryRow lockRow(UUID productId, UUID variantId) {
        UUID rowId = store.rowFor(productId, variantId).orElseThrow(() -> store.productExists(productId)
                ? new ApiException(ErrorCode.INVENTORY_NOT_FOUND, "No stock row for this product and variant.")
                : new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "No such product."));
        return store.lock(List.of(rowId)).getFirst();
    }
}
