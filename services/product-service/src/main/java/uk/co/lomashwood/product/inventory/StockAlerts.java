package uk.co.lomashwood.product.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;
import uk.co.lomashwood.product.catalogue.Availability;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stock alerts of spec 20 §1.4.4: entering LOW_STOCK emits product.inventory.low at most once per 12 h per row;
 * reaching zero available emits it (level OUT_OF_STOCK) at most once per 24 h, plus product.updated for the
 * availability. De-duplicated with Redis flags; without Redis the alert is sent rather than lost.
 */
@Component
class StockAlerts {

    private static final Logger log = LoggerFactory.getLogger(StockAlerts.class);

    private final OutboxPublisher outbox;
    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;
    private final Clock clock;

    StockAlerts(OutboxPublisher outbox, StringRedisTemplate redis, JdbcClient jdbc, Clock clock) {
        this.outbox = outbox;
        this.redis = redis;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Product(String title, String slug) {
    }

    void check(InventoryRow before, InventoryRow after) {
        check(before.level().status(), after);
    }

    /** {@code from}: the status the row had before, e.g. the stale stored one the sync job corrects. */
    void check(Availability from, InventoryRow after) {
        Availability to = after.level().status();
        if (from == to || to == Availability.IN_STOCK) {
            return;
        }
        boolean out = to == Availability.OUT_OF_STOCK;
        if (!firstIn(out ? "product:alert:out:" : "product:alert:low:", after, Duration.ofHours(out ? 24 : 12))) {
            return;
        }
        Product product = jdbc.sql("SELECT title, slug FROM products WHERE id = ?").param(after.productId())
                .query((rs, n) -> new Product(rs.getString("title"), rs.getString("slug"))).single();
        Map<String, Object> low = new LinkedHashMap<>();
        low.put("productId", after.productId());
        low.put("variantId", after.variantId());
        low.put("sku", after.sku());
        low.put("productTitle", product.title());
        low.put("availableQuantity", after.level().available());
        low.put("threshold", after.level().lowStockThreshold());
        low.put("level", to.name());
        outbox.publish("product.inventory.low", after.id().toString(), low);
        if (out) {
            Map<String, Object> updated = new LinkedHashMap<>();
            updated.put("productId", after.productId());
            updated.put("slug", product.slug());
            updated.put("changedFields", List.of("availability"));
            updated.put("changes", List.of(Map.of("field", "availability", "oldValue", from.name(), "newValue", to.name())));
            updated.put("updatedBy", "system");
            updated.put("updatedAt", clock.instant());
            outbox.publish("product.updated", after.productId().toString(), updated);
        }
    }

    private boolean firstIn(String prefix, InventoryRow row, Duration window) {
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(prefix + row.id(), "1", window));
        } catch (RuntimeException e) {
            log.warn("stock alert de-duplication unavailable: {}", e.getMessage());
            return true;
        }
    }
}
