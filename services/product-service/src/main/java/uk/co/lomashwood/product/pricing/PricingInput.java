package uk.co.lomashwood.product.pricing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.product.catalogue.Vat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** POST /v1/pricing (spec 20 §1.3 Pricing), also the shape a PATCH is merged onto. Prices are pounds, ex-VAT. */
public record PricingInput(
        @NotNull UUID productId,
        UUID variantId,
        PricingType pricingType,
        @NotNull @DecimalMin("0.01") @DecimalMax("9999999.99") @Digits(integer = 7, fraction = 2) BigDecimal basePrice,
        @DecimalMin("0.01") @DecimalMax("9999999.99") @Digits(integer = 7, fraction = 2) BigDecimal salePrice,
        @DecimalMin("0.01") @DecimalMax("9999999.99") @Digits(integer = 7, fraction = 2) BigDecimal costPrice,
        @DecimalMin("0.01") @DecimalMax("9999999.99") @Digits(integer = 7, fraction = 2) BigDecimal minPrice,
        @DecimalMin("0.01") @DecimalMax("9999999.99") @Digits(integer = 7, fraction = 2) BigDecimal maxPrice,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal taxRate,
        @Min(1) @Max(1_000_000) Integer minOrderQuantity,
        @Min(1) @Max(1_000_000) Integer maxOrderQuantity,
        Instant saleStartDate,
        Instant saleEndDate,
        Instant effectiveFrom,
        Instant effectiveUntil,
        PricingStatus status) {

    public enum PricingType { FIXED, RANGE, ESTIMATED, STARTING_FROM }

    public enum PricingStatus { ACTIVE, INACTIVE, SCHEDULED, EXPIRED }

    PricingType typeOrFixed() {
        return pricingType == null ? PricingType.FIXED : pricingType;
    }

    PricingStatus statusOrActive() {
        return status == null ? PricingStatus.ACTIVE : status;
    }

    BigDecimal taxRateOrStandard() {
        return taxRate == null ? Vat.STANDARD_RATE : taxRate;
    }

    int minQuantity() {
        return minOrderQuantity == null ? 1 : minOrderQuantity;
    }

    static Long pence(BigDecimal pounds) {
        return pounds == null ? null : Money.ofPounds(pounds).pence();
    }

    /** The rules between fields (sale below base, RANGE bounds, quantity and date order): 400 with each field. */
    PricingInput checked() {
        List<FieldViolation> violations = new ArrayList<>();
        if (salePrice != null && salePrice.compareTo(basePrice) >= 0) {
            violations.add(new FieldViolation("salePrice", "must be lower than basePrice"));
        }
        if (typeOrFixed() == PricingType.RANGE && (minPrice == null || maxPrice == null)) {
            violations.add(new FieldViolation("minPrice", "minPrice and maxPrice are required for RANGE"));
        }
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            violations.add(new FieldViolation("maxPrice", "must not be lower than minPrice"));
        }
        if (maxOrderQuantity != null && maxOrderQuantity < minQuantity()) {
            violations.add(new FieldViolation("maxOrderQuantity", "must not be lower than minOrderQuantity"));
        }
        if (saleStartDate != null && saleEndDate != null && !saleEndDate.isAfter(saleStartDate)) {
            violations.add(new FieldViolation("saleEndDate", "must be after saleStartDate"));
        }
        if (effectiveFrom != null && effectiveUntil != null && !effectiveUntil.isAfter(effectiveFrom)) {
            violations.add(new FieldViolation("effectiveUntil", "must be after effectiveFrom"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return this;
    }

    PricingInput withSale(BigDecimal sale, Instant start, Instant end) {
        return new PricingInput(productId, variantId, pricingType, basePrice, sale, costPrice, minPrice, maxPrice, taxRate,
                minOrderQuantity, maxOrderQuantity, start, end, effectiveFrom, effectiveUntil, status);
    }

    PricingInput withBase(BigDecimal base, BigDecimal sale) {
        return new PricingInput(productId, variantId, pricingType, base, sale, costPrice, minPrice, maxPrice, taxRate,
                minOrderQuantity, maxOrderQuantity, saleStartDate, saleEndDate, effectiveFrom, effectiveUntil, status);
    }

    PricingInput forTarget(UUID product, UUID variant) {
        return new PricingInput(product, variant, pricingType, basePrice, salePrice, costPrice, minPrice, maxPrice, taxRate,
                minOrderQuantity, maxOrderQuantity, saleStartDate, saleEndDate, effectiveFrom, effectiveUntil, status);
    }
}
