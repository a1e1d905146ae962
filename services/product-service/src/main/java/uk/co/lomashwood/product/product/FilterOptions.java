package uk.co.lomashwood.product.product;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.product.cache.CatalogueCache;
import uk.co.lomashwood.product.catalogue.ProductCategory;

import java.util.List;
import java.util.UUID;

/** Values that occur in published products of a category, each with its count (spec 20 §1.4.1). */
@Service
public class FilterOptions {

    private static final String PUBLISHED = "p.deleted_at IS NULL AND p.status = 'PUBLISHED' AND (CAST(:category AS varchar) IS NULL OR p.category = :category)";
    private static final List<PriceRange> PRICE_RANGES = List.of(
            new PriceRange("Under £1,000", null, Money.ofPence(100_000)),
            new PriceRange("£1,000–£2,500", Money.ofPence(100_000), Money.ofPence(250_000)),
            new PriceRange("£2,500–£5,000", Money.ofPence(250_000), Money.ofPence(500_000)),
            new PriceRange("£5,000–£10,000", Money.ofPence(500_000), Money.ofPence(1_000_000)),
            new PriceRange("Over £10,000", Money.ofPence(1_000_000), null));

    public record ColourOption(UUID id, String name, String hexCode, long count) {
    }

    public record ValueOption(String value, long count) {
    }

    public record RangeOption(UUID id, String name, long count) {
    }

    public record PriceRange(String label, Money min, Money max) {
    }

    public record PriceBounds(Money min, Money max) {
    }

    public record Options(List<ColourOption> colours, List<ValueOption> styles, List<ValueOption> finishes,
                          List<RangeOption> ranges, List<PriceRange> priceRanges, PriceBounds priceBounds) {
    }

    private final JdbcClient jdbc;
    private final CatalogueCache cache;
    private final ObjectMapper json;

    public FilterOptions(JdbcClient jdbc, CatalogueCache cache, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.json = json;
    }

    public String json(ProductCategory category) {
        return cache.getOrLoad(cache.listKey("filters", String.valueOf(category)), CatalogueCache.FILTERS_TTL,
                () -> json.writeValueAsString(ApiResponse.of(load(category))));
    }

    Options load(ProductCategory category) {
        String c = category == null ? null : category.name();
        List<ColourOption> colours = jdbc.sql("SELECT c.id, c.name, c.hex_code, count(*) AS n FROM products p "
                        + "JOIN product_colours pc ON pc.product_id = p.id JOIN colours c ON c.id = pc.colour_id "
                        + "WHERE " + PUBLISHED + " AND c.deleted_at IS NULL GROUP BY c.id, c.name, c.hex_code, c.sort_order "
                        + "ORDER BY c.sort_order, c.name")
                .param("category", c).query((rs, n) -> new ColourOption(rs.getObject("id", UUID.class),
                        rs.getString("name"), rs.getString("hex_code"), rs.getLong("n"))).list();
        List<ValueOption> styles = values("style", c);
        List<ValueOption> finishes = values("finish", c);
        List<RangeOption> ranges = jdbc.sql("SELECT r.id, r.name, count(*) AS n FROM products p JOIN ranges r ON r.id = p.range_id "
                        + "WHERE " + PUBLISHED + " GROUP BY r.id, r.name ORDER BY r.name")
                .param("category", c).query((rs, n) -> new RangeOption(rs.getObject("id", UUID.class),
                        rs.getString("name"), rs.getLong("n"))).list();
        PriceBounds bounds = jdbc.sql("SELECT min(p.effective_price) AS lo, max(p.effective_price) AS hi FROM products p WHERE "
                        + PUBLISHED).param("category", c)
                .query((rs, n) -> new PriceBounds(ProductQueries.pence(rs, "lo"), ProductQueries.pence(rs, "hi"))).single();
        return new Options(colours, styles, finishes, ranges, PRICE_RANGES, bounds);
    }

    private List<ValueOption> values(String column, String category) {
        return jdbc.sql("SELECT p." + column + " AS v, count(*) AS n FROM products p WHERE " + PUBLISHED
                        + " AND p." + column + " IS NOT NULL GROUP BY p." + column + " ORDER BY p." + column)
                .param("category", category)
                .query((rs, n) -> new ValueOption(rs.getString("v"), rs.getLong("n"))).list();
    }
}
