package uk.co.lomashwood.product.pricing;

import uk.co.lomashwood.platform.core.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** PricingRule as the API shows it; {@code costPrice} only for ADMIN callers (spec 20 §1.4.3). */
public record PricingRuleView(UUID id, UUID productId, String productTitle, UUID variantId, String pricingType,
                              Money basePrice, Money salePrice, Money costPrice, Money minPrice, Money maxPrice,
                              String currency, BigDecimal taxRate, int minOrderQuantity, Integer maxOrderQuantity,
                              Instant saleStartDate, Instant saleEndDate, Instant effectiveFrom, Instant effectiveUntil,
                              String status, Money finalPrice, Money finalPriceIncVat, Money discountAmount,
                              BigDecimal discountPercentage, boolean isOnSale, int version, Instant createdAt,
                              Instant updatedAt) {

    PricingRuleView withoutCost() {
        return new PricingRuleView(id, productId, productTitle, variantId, pricingType, basePrice, salePrice, null,
                minPrice, maxPrice, currency, taxRate, minOrderQuantity, maxOrderQuantity, saleStartDate, saleEndDate,
                effectiveFrom, effectiveUntil, status, finalPrice, finalPriceIncVat, discountAmount, discountPercentage,
                isOnSale, version, createdAt, updatedAt);
    }

    PricingInput input() {
        return new PricingInput(productId, variantId, PricingInput.PricingType.valueOf(pricingType), basePrice.pounds(),
                pounds(salePrice), pounds(costPrice), pounds(minPrice), pounds(maxPrice), taxRate, minOrderQuantity,
                maxOrderQuantity, saleStartDate, saleEndDate, effectiveFrom, effectiveUntil,
                PricingInput.PricingStatus.valueOf(status));
    }

    private static BigDecimal pounds(Money money) {
        return money == null ? null : money.pounds();
    }
}
