package uk.co.lomashwood.product.product;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;
import uk.co.lomashwood.product.catalogue.ProductCategory;
import uk.co.lomashwood.product.catalogue.ProductStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The product.* events of spec 00 §4.7, written to the outbox inside the changing transaction. */
@Component
class ProductEvents {

    private final OutboxPublisher outbox;

    ProductEvents(OutboxPublisher outbox) {
        this.outbox = outbox;
    }

    record Change(String field, Object oldValue, Object newValue) {
    }

    void created(UUID id, String slug, String title, ProductCategory category, ProductStatus status, Instant at) {
        outbox.publish("product.created", id.toString(), map("productId", id, "slug", slug, "title", title,
                "category", category, "status", status, "createdAt", at));
    }

    void updated(UUID id, String slug, List<Change> changes, UUID by, Instant at) {
        outbox.publish("product.updated", id.toString(), map("productId", id, "slug", slug,
                "changedFields", changes.stream().map(Change::field).toList(), "changes", changes,
                "updatedBy", by, "updatedAt", at));
    }

    void statusChanged(Publishing publishing, UUID id, String slug, ProductCategory category, Instant at) {
        if (publishing.publishes() || publishing.unpublishes()) {
            outbox.publish(publishing.publishes() ? "product.published" : "product.unpublished", id.toString(),
                    map("productId", id, "slug", slug, "category", category, "at", at));
        }
    }

    void deleted(UUID id, String slug, ProductCategory category, Instant at, UUID by) {
        outbox.publish("product.deleted", id.toString(), map("productId", id, "slug", slug, "category", category,
                "deletedAt", at, "deletedBy", by == null ? "system" : by.toString()));
    }

    void priceChanged(UUID id, PriceChange change, UUID by, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("productId", id);
        data.put("variantId", null);
        data.put("pricingRuleId", null);
        data.put("previousPrice", change.previous());
        data.put("newPrice", change.next());
        data.put("currency", uk.co.lomashwood.platform.core.money.Money.CURRENCY);
        data.put("changePercentage", change.percentage());
        data.put("isSignificant", change.significant());
        data.put("priceType", "BASE");
        data.put("effectiveFrom", at);
        data.put("effectiveUntil", null);
        data.put("changedBy", by == null ? "system" : by.toString());
        data.put("reason", null);
        outbox.publish("product.price.changed", id.toString(), data);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }
}
