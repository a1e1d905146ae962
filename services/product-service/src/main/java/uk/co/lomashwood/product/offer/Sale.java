package uk.co.lomashwood.product.offer;

import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.product.product.ProductCard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A sale (offer) as the API shows it; {@code products} only on the single-sale reads. */
public record Sale(UUID id, String slug, String title, String description, String image, Instant startDate,
                   Instant endDate, String discountType, BigDecimal discountPercent, Money discountAmount, String terms,
                   String category, boolean active, List<UUID> productIds, List<ProductCard> products) {

    Sale withProducts(List<ProductCard> cards) {
        return new Sale(id, slug, title, description, image, startDate, endDate, discountType, discountPercent,
                discountAmount, terms, category, active, productIds, cards);
    }

    SaleInput input() {
        return new SaleInput(title, slug, description, image, startDate, endDate,
                discountType == null ? null : uk.co.lomashwood.product.pricing.SaleDiscount.DiscountType.valueOf(discountType),
                discountPercent, discountAmount == null ? null : discountAmount.pounds(), terms,
                category == null ? null : uk.co.lomashwood.product.catalogue.ProductCategory.valueOf(category), active,
                productIds);
    }
}
