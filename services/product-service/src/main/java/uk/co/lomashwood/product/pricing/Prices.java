package uk.co.lomashwood.product.pricing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the inputs of the effective price from the database and computes it at read time (spec 20 §1.4.3),
 * so checkout always gets the price of this instant, including sales that started since the last write.
 */
@Service
public class Prices {

    private static final String CURRENT_RULE = """
            SELECT id, pricing_type, base_price, sale_price, sale_start_date, sale_end_date, tax_rate,
                   min_order_quantity, max_order_quantity
              FROM pricing_rules
             WHERE product_id = ? AND variant_id IS NOT DISTINCT FROM ? AND deleted_at IS NULL AND status = 'ACTIVE'
               AND effective_from <= ? AND (effective_until IS NULL OR effective_until > ?)""";
    private static final String CURRENT_SALES = """
            SELECT s.id, s.discount_type, s.discount_percent, s.discount_amount FROM sales s
             WHERE s.active AND s.deleted_at IS NULL AND s.discount_type IS NOT NULL
               AND s.start_date <= :now AND s.end_date >= :now
               AND (EXISTS (SELECT 1 FROM sale_products sp WHERE sp.sale_id = s.id AND sp.product_id = :product)
                    OR (NOT EXISTS (SELECT 1 FROM sale_products sp WHERE sp.sale_id = s.id)
                        AND (s.category IS NULL OR s.category = :category)))
             ORDER BY s.id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public Prices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record ProductPrice(Long price, String category, String status) {
    }

    /** Empty when the product does not exist (or is deleted). */
    public Optional<EffectivePrice> of(UUID productId, UUID variantId) {
        return of(productId, variantId, clock.instant());
    }

    public Optional<EffectivePrice> of(UUID productId, UUID variantId, Instant now) {
        return of(productId, variantId, now, false);
    }

    /** Only PUBLISHED products (public quotes). */
    public Optional<EffectivePrice> published(UUID productId, UUID variantId) {
        return of(productId, variantId, clock.instant(), true);
    }

    private Optional<EffectivePrice> of(UUID productId, UUID variantId, Instant now, boolean publishedOnly) {
        Optional<ProductPrice> product = jdbc.sql(
                        "SELECT price, category, status FROM products WHERE id = ? AND deleted_at IS NULL")
                .param(productId).query((rs, n) -> new ProductPrice((Long) rs.getObject("price"), rs.getString("category"),
                        rs.getString("status"))).optional();
        if (product.isEmpty() || publishedOnly && !"PUBLISHED".equals(product.get().status())) {
            return Optional.empty();
        }
        PriceRule rule = rule(productId, variantId, now).or(() -> variantId == null ? Optional.empty()
                : rule(productId, null, now)).orElse(null);
        return Optional.of(EffectivePrice.of(product.get().price(), rule,
                sales(productId, product.get().category(), now), now));
    }

    /** The lowest effective price across the product's variants (or of the product itself without sizes). */
    Optional<EffectivePrice> lowest(UUID productId, Instant now) {
        List<UUID> variants = jdbc.sql("SELECT id FROM product_sizes WHERE product_id = ?").param(productId)
                .query(UUID.class).list();
        List<UUID> keys = variants.isEmpty() ? java.util.Collections.singletonList(null) : variants;
        Optional<EffectivePrice> lowest = Optional.empty();
        for (UUID variant : keys) {
            Optional<EffectivePrice> price = of(productId, variant, now);
            if (lowest.isEmpty() || lowest.get().effective() == null || price.isPresent() && price.get().effective() != null
                    && price.get().effective() < lowest.get().effective()) {
                lowest = price;
            }
        }
        return lowest;
    }

    private Optional<PriceRule> rule(UUID productId, UUID variantId, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql(CURRENT_RULE).params(productId, variantId, at, at).query(Prices::rule).optional();
    }

    private List<SaleDiscount> sales(UUID productId, String category, Instant now) {
        return jdbc.sql(CURRENT_SALES).param("now", Timestamp.from(now)).param("product", productId)
                .param("category", category)
                .query((rs, n) -> new SaleDiscount(rs.getObject("id", UUID.class),
                        SaleDiscount.DiscountType.valueOf(rs.getString("discount_type")),
                        rs.getBigDecimal("discount_percent"), (Long) rs.getObject("discount_amount"))).list();
    }

    /** A current sale as the product detail lists it. */
    public record SaleRef(UUID id, String slug, String title, String description, String image, Instant endDate) {
    }

    /** What the detail page shows about a product's price: the product-level rule's display fields and sales. */
    public record Display(EffectivePrice price, uk.co.lomashwood.platform.core.money.Money minPrice,
                          uk.co.lomashwood.platform.core.money.Money maxPrice, Instant saleEndDate, List<SaleRef> sales) {
    }

    public Optional<Display> display(UUID productId) {
        Instant now = clock.instant();
        return of(productId, null, now).map(price -> {
            record Bounds(Long min, Long max, Instant saleEnd) {
            }
            Bounds bounds = price.ruleId() == null ? new Bounds(null, null, null) : jdbc.sql(
                            "SELECT min_price, max_price, sale_end_date FROM pricing_rules WHERE id = ?")
                    .param(price.ruleId()).query((rs, n) -> new Bounds((Long) rs.getObject("min_price"),
                            (Long) rs.getObject("max_price"), instant(rs, "sale_end_date"))).single();
            List<SaleRef> sales = jdbc.sql("""
                            SELECT s.id, s.slug, s.title, s.description, s.image, s.end_date FROM sales s, products p
                             WHERE p.id = :product AND s.active AND s.deleted_at IS NULL
                               AND s.start_date <= :now AND s.end_date >= :now
                               AND (EXISTS (SELECT 1 FROM sale_products sp WHERE sp.sale_id = s.id AND sp.product_id = p.id)
                                    OR (NOT EXISTS (SELECT 1 FROM sale_products sp WHERE sp.sale_id = s.id)
                                        AND (s.category IS NULL OR s.category = p.category)))
                             ORDER BY s.end_date, s.id""")
                    .param("product", productId).param("now", Timestamp.from(now))
                    .query((rs, n) -> new SaleRef(rs.getObject("id", UUID.class), rs.getString("slug"),
                            rs.getString("title"), rs.getString("description"), rs.getString("image"),
                            instant(rs, "end_date"))).list();
            return new Display(price, money(bounds.min()), money(bounds.max()), bounds.saleEnd(), sales);
        });
    }

    private static uk.co.lomashwood.platform.core.money.Money money(Long pence) {
        return pence == null ? null : uk.co.lomashwood.platform.core.money.Money.ofPence(pence);
    }

    static PriceRule rule(ResultSet rs, int n) throws SQLException {
        return new PriceRule(rs.getObject("id", UUID.class), rs.getString("pricing_type"), rs.getLong("base_price"),
                (Long) rs.getObject("sale_price"), instant(rs, "sale_start_date"), instant(rs, "sale_end_date"),
                rs.getBigDecimal("tax_rate"), rs.getInt("min_order_quantity"),
                rs.getObject("max_order_quantity", Integer.class));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
