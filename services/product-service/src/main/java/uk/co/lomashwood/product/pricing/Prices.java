package uk.co.lomashwood.product.pricing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.product.cache.CatalogueCache;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Computes the effective price at read time (spec 20 §1.4.3) from its inputs, cached in Redis; the windows of
 * rules and sales are applied at read time, so checkout gets the price of this instant, including sales that started
 * since the last write.
 */
@Service
public class Prices {

    private static final String ACTIVE_RULES = """
            SELECT id, variant_id, pricing_type, base_price, sale_price, sale_start_date, sale_end_date, tax_rate,
                   min_order_quantity, max_order_quantity, effective_from, effective_until
              FROM pricing_rules
             WHERE product_id = :product AND (variant_id = CAST(:variant AS uuid) OR variant_id IS NULL)
               AND deleted_at IS NULL AND status = 'ACTIVE'""";
    private static final String UNENDED_SALES = """
            SELECT s.id, s.discount_type, s.discount_percent, s.discount_amount, s.start_date, s.end_date FROM sales s
             WHERE s.active AND s.deleted_at IS NULL AND s.discount_type IS NOT NULL AND s.end_date >= :now
               AND (EXISTS (SELECT 1 FROM sale_products sp WHERE sp.sale_id = s.id AND sp.product_id = :product)
                    OR (NOT EXISTS (SELECT 1 FROM sale_products sp WHERE sp.sale_id = s.id)
                        AND (s.category IS NULL OR s.category = :category)))
             ORDER BY s.id""";

    private final JdbcClient jdbc;
    private final CatalogueCache cache;
    private final ObjectMapper json;
    private final Clock clock;

    public Prices(JdbcClient jdbc, CatalogueCache cache, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.json = json;
        this.clock = clock;
    }

    /** The price of this instant from the cached inputs; empty when the product does not exist (or is deleted). */
    public Optional<EffectivePrice> of(UUID productId, UUID variantId) {
        return cachedInputs(productId, variantId).at(clock.instant());
    }

    /** Only PUBLISHED products (public quotes). */
    public Optional<EffectivePrice> published(UUID productId, UUID variantId) {
        PriceInputs inputs = cachedInputs(productId, variantId);
        return "PUBLISHED".equals(inputs.status()) ? inputs.at(clock.instant()) : Optional.empty();
    }

    /**
     * The lowest effective price across the product's variants (or of the product itself without sizes), read
     * from the database: writers call this inside their transaction, where the cache may still hold the old inputs.
     */
    Optional<EffectivePrice> lowest(UUID productId, Instant now) {
        List<UUID> variants = jdbc.sql("SELECT id FROM product_sizes WHERE product_id = ?").param(productId)
                .query(UUID.class).list();
        List<UUID> keys = variants.isEmpty() ? java.util.Collections.singletonList(null) : variants;
        Optional<EffectivePrice> lowest = Optional.empty();
        for (UUID variant : keys) {
            Optional<EffectivePrice> price = load(productId, variant, now).at(now);
            if (lowest.isEmpty() || lowest.get().effective() == null || price.isPresent() && price.get().effective() != null
                    && price.get().effective() < lowest.get().effective()) {
                lowest = price;
            }
        }
        return lowest;
    }

    /**
     * {@code product:pricing:{productId}:{variantId or base}}, 1800 s; {@link Repricing} drops it after every write,
     * and a fill loaded before that write committed is not stored.
     */
    private PriceInputs cachedInputs(UUID productId, UUID variantId) {
        String cached = cache.pricingOrLoad(productId, variantId,
                () -> json.writeValueAsString(load(productId, variantId, clock.instant())));
        return json.readValue(cached, PriceInputs.class);
    }

    private PriceInputs load(UUID productId, UUID variantId, Instant now) {
        record Product(Long price, String category, String status) {
        }
        Optional<Product> product = jdbc.sql(
                        "SELECT price, category, status FROM products WHERE id = ? AND deleted_at IS NULL")
                .param(productId).query((rs, n) -> new Product((Long) rs.getObject("price"), rs.getString("category"),
                        rs.getString("status"))).optional();
        if (product.isEmpty()) {
            return PriceInputs.MISSING;
        }
        List<PriceInputs.WindowedRule> rules = jdbc.sql(ACTIVE_RULES).param("product", productId)
                .param("variant", variantId)
                .query((rs, n) -> new PriceInputs.WindowedRule(rs.getObject("variant_id") != null,
                        instant(rs, "effective_from"), instant(rs, "effective_until"), rule(rs, n))).list();
        List<PriceInputs.WindowedSale> sales = jdbc.sql(UNENDED_SALES).param("now", Timestamp.from(now))
                .param("product", productId).param("category", product.get().category())
                .query((rs, n) -> new PriceInputs.WindowedSale(instant(rs, "start_date"), instant(rs, "end_date"),
                        new SaleDiscount(rs.getObject("id", UUID.class),
                                SaleDiscount.DiscountType.valueOf(rs.getString("discount_type")),
                                rs.getBigDecimal("discount_percent"), (Long) rs.getObject("discount_amount")))).list();
        return new PriceInputs(true, product.get().price(), product.get().category(), product.get().status(), rules,
                sales);
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
        return of(productId, null).map(price -> {
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
