package uk.co.lomashwood.product.inventory;

import java.util.UUID;

/** A locked inventory row. */
record InventoryRow(UUID id, UUID productId, UUID variantId, String sku, StockLevel level) {

    InventoryRow with(StockLevel next) {
        return new InventoryRow(id, productId, variantId, sku, next);
    }
}
