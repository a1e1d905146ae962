package uk.co.lomashwood.product.inventory;

import uk.co.lomashwood.product.catalogue.Availability;

/** One inventory row's numbers and the status derived from them (spec 20 §1.4.4). */
record StockLevel(int quantity, int reserved, int lowStockThreshold) {

    int available() {
        return quantity - reserved;
    }

    Availability status() {
        int available = available();
        if (available <= 0) {
            return Availability.OUT_OF_STOCK;
        }
        return available <= lowStockThreshold ? Availability.LOW_STOCK : Availability.IN_STOCK;
    }

    boolean canReserve(int requested) {
        return requested <= available();
    }

    StockLevel reserve(int q) {
        return new StockLevel(quantity, reserved + q, lowStockThreshold);
    }

    StockLevel release(int q) {
        return new StockLevel(quantity, reserved - q, lowStockThreshold);
    }

    /** A reserved unit leaves the shelf: both on-hand and reserved drop. */
    StockLevel commit(int q) {
        return new StockLevel(quantity - q, reserved - q, lowStockThreshold);
    }

    StockLevel restock(int q) {
        return new StockLevel(quantity + q, reserved, lowStockThreshold);
    }

    /** Stock taken without a live reservation (late payment after expiry). */
    StockLevel take(int q) {
        return new StockLevel(quantity - q, reserved, lowStockThreshold);
    }
}
