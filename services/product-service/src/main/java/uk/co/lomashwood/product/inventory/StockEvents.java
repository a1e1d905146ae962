package uk.co.lomashwood.product.inventory;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** product.inventory.* events of spec 00 §4.7. */
@Component
class StockEvents {

    private final OutboxPublisher outbox;

    StockEvents(OutboxPublisher outbox) {
        this.outbox = outbox;
    }

    void updated(InventoryRow before, InventoryRow after, String trigger, UUID orderId, String by) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("inventoryId", after.id());
        data.put("productId", after.productId());
        data.put("variantId", after.variantId());
        data.put("sku", after.sku());
        data.put("previousQuantity", before.level().quantity());
        data.put("newQuantity", after.level().quantity());
        data.put("quantityChange", after.level().quantity() - before.level().quantity());
        data.put("reservedQuantity", after.level().reserved());
        data.put("availableQuantity", after.level().available());
        data.put("trigger", trigger);
        data.put("orderId", orderId);
        data.put("lowStockThreshold", after.level().lowStockThreshold());
        data.put("updatedBy", by);
        outbox.publish("product.inventory.updated", after.id().toString(), data);
    }

    record Shortfall(UUID productId, UUID variantId, int requested, int available) {
    }

    void reservationFailed(UUID orderId, List<Shortfall> items) {
        outbox.publish("product.inventory.reservation_failed", orderId.toString(),
                Map.of("orderId", orderId, "items", items));
    }
}
