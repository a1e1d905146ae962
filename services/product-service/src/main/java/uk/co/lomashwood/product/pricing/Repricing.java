package uk.co.lomashwood.product.pricing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import uk.co.lomashwood.product.cache.AfterCommit;
import uk.co.lomashwood.product.cache.CatalogueCache;
import uk.co.lomashwood.product.cache.CdnPaths;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Recomputes {@code products.effectivePrice} (filter, sort and card sale price) after any pricing, sale or
 * product price write (spec 20 §1.4.3), and drops the cached price inputs, detail and list pages of the products.
 */
@Service
public class Repricing {

    private final JdbcClient jdbc;
    private final Prices prices;
    private final CatalogueCache cache;
    private final CdnPaths cdn;
    private final Clock clock;

    public Repricing(JdbcClient jdbc, Prices prices, CatalogueCache cache, CdnPaths cdn, Clock clock) {
        this.jdbc = jdbc;
        this.prices = prices;
        this.cache = cache;
        this.cdn = cdn;
        this.clock = clock;
    }

    /** Returns the products whose effective price changed; their caches are invalidated after commit. */
    public List<UUID> recompute(Collection<UUID> productIds) {
        Instant now = clock.instant();
        List<UUID> changed = new ArrayList<>();
        for (UUID id : new java.util.TreeSet<>(productIds)) {
            var row = jdbc.sql("""
                            SELECT effective_price, list_price FROM products WHERE id = ? AND deleted_at IS NULL FOR UPDATE""")
                    .param(id).query((rs, n) -> new Long[] {(Long) rs.getObject("effective_price"),
                            (Long) rs.getObject("list_price")}).optional();
            if (row.isEmpty()) {
                continue;
            }
            Optional<EffectivePrice> lowest = prices.lowest(id, now);
            Long effective = lowest.map(EffectivePrice::effective).orElse(null);
            Long base = lowest.map(EffectivePrice::base).orElse(null);
            if (!Objects.equals(row.get()[0], effective) || !Objects.equals(row.get()[1], base)) {
                jdbc.sql("UPDATE products SET effective_price = ?, list_price = ?, updated_at = now() WHERE id = ?")
                        .param(1, effective, java.sql.Types.BIGINT).param(2, base, java.sql.Types.BIGINT).param(3, id)
                        .update();
                changed.add(id);
            }
        }
        invalidate(productIds);
        return changed;
    }

    public List<UUID> recompute(UUID productId) {
        return recompute(List.of(productId));
    }

    /** Every live product a sale covers, newest first: its linked products, or its whole category when it links none. */
    public List<UUID> coveredBy(UUID saleId) {
        return jdbc.sql("""
                        SELECT p.id FROM products p, sales s
                         WHERE s.id = :sale AND p.deleted_at IS NULL
                           AND (EXISTS (SELECT 1 FROM sale_products sp WHERE sp.sale_id = s.id AND sp.product_id = p.id)
                                OR (NOT EXISTS (SELECT 1 FROM sale_products sp WHERE sp.sale_id = s.id)
                                    AND (s.category IS NULL OR s.category = p.category)))
                         ORDER BY p.created_at DESC, p.id DESC""")
                .param("sale", saleId).query(UUID.class).list();
    }

    /**
     * Pricing inputs changed (or the product went away): after commit, the cached price inputs of the products and
     * their variants, their detail (pricing block, sizes) and every list page go.
     */
    public void invalidate(Collection<UUID> productIds) {
        List<UUID> ids = List.copyOf(productIds);
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, List<UUID>> variants = new HashMap<>();
        jdbc.sql("SELECT product_id, id FROM product_sizes WHERE product_id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    variants.computeIfAbsent(rs.getObject("product_id", UUID.class), p -> new ArrayList<>())
                            .add(rs.getObject("id", UUID.class));
                });
        AfterCommit.run(() -> {
            cache.bumpGeneration();
            ids.forEach(id -> cache.pricingChanged(id, variants.getOrDefault(id, List.of())));
            ids.forEach(id -> cdn.productChanged(id));
        });
    }
}
