package uk.co.lomashwood.product.product;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.product.cache.CatalogueCache;
import uk.co.lomashwood.product.catalogue.ProductStatus;
import uk.co.lomashwood.product.catalogue.Vat;
import uk.co.lomashwood.product.pricing.EffectivePrice;
import uk.co.lomashwood.product.pricing.Prices;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Product detail by id or slug; the public view of a published product is cached for 300 s. */
@Service
public class ProductDetails {

    private final JdbcClient jdbc;
    private final ProductQueries queries;
    private final CatalogueCache cache;
    private final ObjectMapper json;
    private final Prices prices;

    public ProductDetails(JdbcClient jdbc, ProductQueries queries, CatalogueCache cache, ObjectMapper json,
                          Prices prices) {
        this.prices = prices;
        this.jdbc = jdbc;
        this.queries = queries;
        this.cache = cache;
        this.json = json;
    }

    /** The detail as a JSON response body; non-published products exist only for ADMIN callers. */
    public String publicJson(UUID id) {
        return cache.detailOrLoad(id, () -> json.writeValueAsString(ApiResponse.of(load(id, false))));
    }

    public String toJson(ProductDetail detail) {
        return json.writeValueAsString(ApiResponse.of(detail));
    }

    public UUID idForSlug(String slug) {
        String cached = cache.productIdOfSlugOrLoad(slug, () ->
                jdbc.sql("SELECT id FROM products WHERE slug = ? AND deleted_at IS NULL").param(slug)
                        .query(UUID.class).optional().map(UUID::toString).orElse(""));
        if (cached.isEmpty()) {
            throw notFound();
        }
        return UUID.fromString(cached);
    }

    public ProductDetail load(UUID id, boolean admin) {
        Optional<ProductDetail> detail = jdbc.sql("SELECT " + ProductQueries.CARD_COLUMNS + """
                        , p.description, p.category_id, p.meta_title, p.meta_description, p.lead_time_days,
                          p.updated_at, p.view_count, p.sort_order, p.version
                        FROM products p""" + " " + ProductQueries.PRIMARY_IMAGE
                        + " WHERE p.id = ? AND p.deleted_at IS NULL" + (admin ? "" : " AND p.status = 'PUBLISHED'"))
                .param(id).query((rs, n) -> {
                    ProductCard card = queries.card(rs, admin);
                    Money base = ProductQueries.pence(rs, "price");
                    Prices.Display display = prices.display(id).orElse(null);
                    return new ProductDetail(card, rs.getString("description"), rs.getObject("category_id", UUID.class),
                            images(id), sizes(id), display == null ? List.of() : List.copyOf(display.sales()),
                            new ProductDetail.Pricing(display == null ? "FIXED" : display.price().pricingType(), base,
                                    card.salePrice(), display == null ? null : display.minPrice(),
                                    display == null ? null : display.maxPrice(),
                                    display == null ? Vat.STANDARD_RATE : display.price().taxRate(),
                                    display == null ? null : display.saleEndDate()),
                            new ProductDetail.Seo(rs.getString("meta_title"), rs.getString("meta_description")),
                            rs.getObject("lead_time_days", Integer.class),
                            card.status() == null || card.status() == ProductStatus.PUBLISHED,
                            rs.getTimestamp("updated_at").toInstant(),
                            admin ? rs.getInt("view_count") : null, admin ? rs.getInt("sort_order") : null,
                            rs.getInt("version"));
                }).optional();
        return detail.orElseThrow(ProductDetails::notFound);
    }

    private List<ProductDetail.Image> images(UUID id) {
        return jdbc.sql("SELECT id, url, alt_text, sort_order FROM product_images WHERE product_id = ? ORDER BY sort_order, id")
                .param(id).query((rs, n) -> new ProductDetail.Image(rs.getObject("id", UUID.class), rs.getString("url"),
                        rs.getString("alt_text"), rs.getInt("sort_order"))).list();
    }

    /** Each variant with its own effective price (its rule, else the product's, lowered by sales). */
    private List<ProductDetail.Size> sizes(UUID id) {
        return jdbc.sql("""
                        SELECT id, title, description, image, width, height, depth, unit, sku, sort_order
                          FROM product_sizes WHERE product_id = ? ORDER BY sort_order, id""")
                .param(id).query((rs, n) -> new ProductDetail.Size(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getString("description"), rs.getString("image"), rs.getBigDecimal("width"),
                        rs.getBigDecimal("height"), rs.getBigDecimal("depth"), rs.getString("unit"), rs.getString("sku"),
                        rs.getInt("sort_order"), null, null)).list().stream().map(size -> {
                    var price = prices.of(id, size.id());
                    return new ProductDetail.Size(size.id(), size.title(), size.description(), size.image(), size.width(),
                            size.height(), size.depth(), size.unit(), size.sku(), size.order(),
                            price.map(EffectivePrice::unitPrice).orElse(null),
                            price.map(EffectivePrice::unitPriceIncVat).orElse(null));
                }).toList();
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "No such product.");
    }
}
