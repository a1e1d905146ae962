package uk.co.lomashwood.product.inventory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.product.cache.AfterCommit;
import uk.co.lomashwood.product.cache.CatalogueCache;
import uk.co.lomashwood.product.catalogue.Availability;

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
    private final AvailabilityFlips flips;

    StockAdministration(StockStore store, StockEvents events, CatalogueCache cache, Clock clock, StockAlerts alerts,
                        AvailabilityFlips flips) {
        this.alerts = alerts;
        this.flips = flips;
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

    public record NewRow(UUID productId, UUID variantId, int quantity, Integer lowStockThreshold,
                         String warehouseLocation, String sku) {
    }

    @Transactional
    public StockStore.Stock create(NewRow in, UUID actor) {
        if (!store.productExists(in.productId())) {
            throw ApiException.reference(ErrorCode.PRODUCT_NOT_FOUND, "productId does not name a product.");
        }
        if (in.variantId() != null && !store.variantOf(in.productId(), in.variantId())) {
            throw ValidationException.of("variantId", "is not a size of this product");
        }
        if (store.anyRowFor(in.productId(), in.variantId(), true).isPresent()) {
            throw new ApiException(ErrorCode.INVENTORY_ALREADY_EXISTS, "This product and variant already has a stock row.");
        }
        UUID id = store.anyRowFor(in.productId(), in.variantId(), false).orElseGet(UUID::randomUUID);
        if (store.skuTaken(in.sku(), id)) {
            throw new ApiException(ErrorCode.DUPLICATE_SKU, "Another stock row uses this SKU.");
        }
        StockLevel level = new StockLevel(in.quantity(), 0, in.lowStockThreshold() == null ? 10 : in.lowStockThreshold());
        store.upsertRow(id, in.productId(), in.variantId(), level, in.warehouseLocation(), in.sku());
        InventoryRow after = store.lock(List.of(id)).getFirst();
        InventoryRow before = after.with(new StockLevel(0, 0, level.lowStockThreshold()));
        store.moveWithReason(after, "INITIAL", in.quantity(), null, actor.toString());
        return finish(before, after, actor);
    }

    public record Changes(Integer quantity, Integer lowStockThreshold, String warehouseLocation, String sku,
                          java.util.Set<String> given) {
    }

    /** On hand cannot drop below what is reserved (409); the change is recorded as an ADJUSTMENT movement. */
    @Transactional
    public StockStore.Stock patch(UUID id, Changes in, UUID actor) {
        get(id);
        InventoryRow before = store.lock(List.of(id)).getFirst();
        int quantity = in.quantity() == null ? before.level().quantity() : in.quantity();
        if (quantity < before.level().reserved()) {
            throw new ApiException(ErrorCode.QUANTITY_BELOW_RESERVED, "Stock on hand cannot drop below reserved stock.")
                    .with("reservedQuantity", before.level().reserved());
        }
        String sku = in.given().contains("sku") ? in.sku() : before.sku();
        if (store.skuTaken(sku, id)) {
            throw new ApiException(ErrorCode.DUPLICATE_SKU, "Another stock row uses this SKU.");
        }
        String location = in.given().contains("warehouseLocation") ? in.warehouseLocation() : store.location(id);
        int threshold = in.lowStockThreshold() == null ? before.level().lowStockThreshold() : in.lowStockThreshold();
        InventoryRow after = new InventoryRow(id, before.productId(), before.variantId(), sku,
                new StockLevel(quantity, before.level().reserved(), threshold));
        store.saveDetails(after, location);
        if (quantity != before.level().quantity()) {
            store.moveWithReason(after, "ADJUSTMENT", quantity - before.level().quantity(), "admin update",
                    actor.toString());
        }
        return finish(before, after, actor);
    }

    @Transactional
    public void delete(UUID id, UUID actor) {
        get(id);
        InventoryRow row = store.lock(List.of(id)).getFirst();
        if (row.level().reserved() > 0) {
            throw new ApiException(ErrorCode.CANNOT_DELETE_RESERVED, "Reserved stock cannot be deleted.");
        }
        store.softDelete(id);
        events.updated(row, row.with(new StockLevel(0, 0, row.level().lowStockThreshold())), "ADMIN_UPDATE", null,
                actor.toString());
        flips.invalidateIfFlipped(row.id(), row.productId(), row.level().status(), Availability.OUT_OF_STOCK);
        AfterCommit.run(() -> cache.productChanged(row.productId()));
    }

    public uk.co.lomashwood.platform.core.page.OffsetPage<StockStore.Stock> list(StockStore.ListQuery query) {
        return store.list(query);
    }

    private StockStore.Stock finish(InventoryRow before, InventoryRow after, UUID actor) {
        events.updated(before, after, "ADMIN_UPDATE", null, actor.toString());
        flips.invalidateIfFlipped(after.id(), after.productId(), before.level().status(), after.level().status());
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
