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

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }
}
