package uk.co.lomashwood.product.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.product.catalogue.Vat;
import uk.co.lomashwood.product.pricing.EffectivePrice;
import uk.co.lomashwood.product.pricing.Prices;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The price and orderability authority for checkout (spec 20 §1.3 internal, §1.4.3): net unit price, VAT
 * rate and stock per line, with the reason a line cannot be ordered online.
 */
@Service
public class PriceCheck {

    private final JdbcClient jdbc;
    private final Prices prices;

    public PriceCheck(JdbcClient jdbc, Prices prices) {
        this.jdbc = jdbc;
        this.prices = prices;
    }

    public record Item(UUID productId, UUID variantId, UUID colourId, int quantity) {
    }

    public record Result(UUID productId, UUID variantId, UUID colourId, String title, String variantName,
                         String colourName, String sku, String category, String rangeName, String imageUrl,
                         Money unitPrice, Money unitPriceIncVat, String currency, BigDecimal taxRate,
                         boolean purchasable, String reason,
                         int availableQuantity, int minOrderQuantity, Integer maxOrderQuantity) {
    }

    private record Product(String title, String category, String rangeName, String status, Long price, String image) {
    }

    public List<Result> check(List<Item> items) {
        return items.stream().map(this::check).toList();
    }

    private Result check(Item item) {
        Optional<Product> found = jdbc.sql("""
                        SELECT p.title, p.category, p.range_name, p.status, p.effective_price,
                               (SELECT url FROM product_images i WHERE i.product_id = p.id ORDER BY sort_order, id LIMIT 1) AS image
                          FROM products p WHERE p.id = ? AND p.deleted_at IS NULL""")
                .param(item.productId()).query((rs, n) -> new Product(rs.getString("title"), rs.getString("category"),
                        rs.getString("range_name"), rs.getString("status"), (Long) rs.getObject("effective_price"),
                        rs.getString("image"))).optional();
        if (found.isEmpty()) {
            return refused(item, null, "PRODUCT_NOT_FOUND");
        }
        Product p = found.get();
        String variantName = null;
        String sku = null;
        if (item.variantId() != null) {
            var variant = jdbc.sql("SELECT title, sku FROM product_sizes WHERE id = ? AND product_id = ?")
                    .params(item.variantId(), item.productId())
                    .query((rs, n) -> new String[] {rs.getString("title"), rs.getString("sku")}).optional();
            if (variant.isEmpty()) {
                return refused(item, p, "VARIANT_NOT_FOUND");
            }
            variantName = variant.get()[0];
            sku = variant.get()[1];
        }
        String colourName = null;
        if (item.colourId() != null) {
            Optional<String> colour = jdbc.sql("""
                            SELECT c.name FROM product_colours pc JOIN colours c ON c.id = pc.colour_id
                             WHERE pc.product_id = ? AND pc.colour_id = ? AND c.deleted_at IS NULL""")
                    .params(item.productId(), item.colourId()).query(String.class).optional();
            if (colour.isEmpty()) {
                return refused(item, p, "COLOUR_NOT_AVAILABLE");
            }
            colourName = colour.get();
        }
        EffectivePrice price = prices.of(item.productId(), item.variantId()).orElseThrow();
        int available = jdbc.sql("""
                        SELECT coalesce(sum(available_quantity), 0) FROM inventory
                         WHERE product_id = ? AND variant_id IS NOT DISTINCT FROM ? AND deleted_at IS NULL""")
                .params(item.productId(), item.variantId()).query(Integer.class).single();
        String reason = !"PUBLISHED".equals(p.status()) ? "NOT_PUBLISHED"
                : price.base() == null ? "PRICE_ON_REQUEST"
                : !price.orderableOnline() ? "CONSULTATION_REQUIRED"
                : item.variantId() == null && hasVariants(item.productId()) ? "VARIANT_REQUIRED"
                : item.quantity() < price.minOrderQuantity() ? "BELOW_MIN_ORDER_QUANTITY"
                : price.maxOrderQuantity() != null && item.quantity() > price.maxOrderQuantity()
                ? "ABOVE_MAX_ORDER_QUANTITY"
                : available < item.quantity() ? "INSUFFICIENT_STOCK" : null;
        return new Result(item.productId(), item.variantId(), item.colourId(), p.title(), variantName, colourName, sku,
                p.category(), p.rangeName(), p.image(), price.unitPrice(), price.unitPriceIncVat(), Money.CURRENCY,
                price.taxRate(), reason == null, reason, available, price.minOrderQuantity(), price.maxOrderQuantity());
    }

    private boolean hasVariants(UUID productId) {
        return jdbc.sql("SELECT count(*) FROM product_sizes WHERE product_id = ?").param(productId)
                .query(Long.class).single() > 0;
    }

    private static Result refused(Item item, Product p, String reason) {
        return new Result(item.productId(), item.variantId(), item.colourId(), p == null ? null : p.title(), null, null,
                null, p == null ? null : p.category(), p == null ? null : p.rangeName(), p == null ? null : p.image(),
                p == null || p.price() == null ? null : Money.ofPence(p.price()),
                p == null || p.price() == null ? null : Vat.incVat(Money.ofPence(p.price())), Money.CURRENCY,
                Vat.STANDARD_RATE,
                false, reason, 0, 1, null);
    }
}
