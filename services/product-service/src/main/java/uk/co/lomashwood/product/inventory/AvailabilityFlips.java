package uk.co.lomashwood.product.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.product.cache.AfterCommit;
import uk.co.lomashwood.product.cache.CdnPaths;
import uk.co.lomashwood.product.catalogue.Availability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * CloudFront invalidation for stock writes (spec 20 §1.7): only a product whose availability flips between in stock
 * (IN_STOCK or LOW_STOCK) and OUT_OF_STOCK is invalidated. A product's availability is the best state of its live
 * stock rows (as the cards and detail pages derive it), so a row crossing the line flips the product only when none
 * of its other rows is in stock. Shifts on either side of the line wait for the 60 s edge TTL.
 * Two concurrent writes to different rows of one product each still see the other's row in its old state, so a flip
 * they make only together can go unnoticed; the edge TTL bounds that too.
 */
@Component
class AvailabilityFlips {

    private final JdbcClient jdbc;
    private final CdnPaths cdn;

    AvailabilityFlips(JdbcClient jdbc, CdnPaths cdn) {
        this.jdbc = jdbc;
        this.cdn = cdn;
    }

    /** One transaction's stock rows, noted as they are written. */
    Changes changes() {
        return new Changes();
    }

    /** A write of a single stock row. */
    void invalidateIfFlipped(UUID rowId, UUID productId, Availability before, Availability after) {
        Changes changes = changes();
        changes.note(rowId, productId, before, after);
        changes.invalidateFlippedProducts();
    }

    final class Changes {

        private record Change(UUID productId, boolean inStockBefore, boolean inStockAfter) {
        }

        private final Map<UUID, Change> byRow = new LinkedHashMap<>();

        void note(InventoryRow before, InventoryRow after) {
            note(after.id(), after.productId(), before.level().status(), after.level().status());
        }

        /** A deleted row counts as OUT_OF_STOCK afterwards. Noting a row twice keeps its first state. */
        void note(UUID rowId, UUID productId, Availability before, Availability after) {
            byRow.merge(rowId, new Change(productId, inStock(before), inStock(after)),
                    (first, last) -> new Change(productId, first.inStockBefore(), last.inStockAfter()));
        }

        /** Within the writing transaction, after its rows are written; the invalidation itself waits for commit. */
        void invalidateFlippedProducts() {
            Map<UUID, List<Change>> byProduct = byRow.values().stream()
                    .collect(Collectors.groupingBy(Change::productId, LinkedHashMap::new, Collectors.toList()));
            Map<UUID, String> flipped = new LinkedHashMap<>();
            byProduct.forEach((product, changes) -> {
                boolean before = changes.stream().anyMatch(Change::inStockBefore);
                boolean after = changes.stream().anyMatch(Change::inStockAfter);
                if (before != after && !otherRowInStock(product)) {
                    flipped.put(product, slug(product));
                }
            });
            if (!flipped.isEmpty()) {
                AfterCommit.run(() -> flipped.forEach((product, slug) -> cdn.productChanged(product, slug)));
            }
        }

        private boolean otherRowInStock(UUID productId) {
            List<UUID> noted = byRow.entrySet().stream().filter(e -> e.getValue().productId().equals(productId))
                    .map(Map.Entry::getKey).toList();
            return jdbc.sql("""
                            SELECT EXISTS (SELECT 1 FROM inventory WHERE product_id = :product AND deleted_at IS NULL
                                             AND status IN ('IN_STOCK', 'LOW_STOCK') AND id NOT IN (:noted))""")
                    .param("product", productId).param("noted", noted).query(Boolean.class).single();
        }

        private String slug(UUID productId) {
            return jdbc.sql("SELECT slug FROM products WHERE id = ?").param(productId).query(String.class)
                    .optional().orElse(null);
        }
    }

    private static boolean inStock(Availability availability) {
        return availability != Availability.OUT_OF_STOCK;
    }
}
