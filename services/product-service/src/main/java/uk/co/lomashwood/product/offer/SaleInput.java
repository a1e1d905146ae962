package uk.co.lomashwood.product.offer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.product.catalogue.ProductCategory;
import uk.co.lomashwood.product.pricing.SaleDiscount;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** POST /v1/sales (spec 20 §1.3 Sales), also the shape a PATCH is merged onto; amounts in pounds. */
public record SaleInput(
        @NotBlank @Size(max = 255) String title,
        @NotBlank @Size(max = 255) @Pattern(regexp = "^[a-z0-9-]+$") String slug,
        @NotBlank @Size(max = 5000) String description,
        @NotBlank @Size(max = 2048) @Pattern(regexp = "^https?://\\S+$") String image,
        @NotNull Instant startDate,
        @NotNull Instant endDate,
        SaleDiscount.DiscountType discountType,
        @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
        @DecimalMin("0.01") @DecimalMax("9999999.99") @Digits(integer = 7, fraction = 2) BigDecimal discountAmount,
        @Size(max = 10_000) String terms,
        ProductCategory category,
        Boolean active,
        @Size(max = 1000) List<@NotNull UUID> productIds) {

    /** endDate after startDate; the discount fields match {@code discountType} (400 otherwise). */
    SaleInput checked() {
        List<FieldViolation> violations = new ArrayList<>();
        if (!endDate.isAfter(startDate)) {
            violations.add(new FieldViolation("endDate", "must be after startDate"));
        }
        if (discountType == null && (discountPercent != null || discountAmount != null)) {
            violations.add(new FieldViolation("discountType", "is required with a discount"));
        }
        if (discountType == SaleDiscount.DiscountType.PERCENTAGE && (discountPercent == null || discountAmount != null)) {
            violations.add(new FieldViolation("discountPercent", "is required (and discountAmount absent) for PERCENTAGE"));
        }
        if (discountType == SaleDiscount.DiscountType.FIXED_AMOUNT && (discountAmount == null || discountPercent != null)) {
            violations.add(new FieldViolation("discountAmount", "is required (and discountPercent absent) for FIXED_AMOUNT"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return this;
    }

    boolean activeOrDefault() {
        return active == null || active;
    }

    List<UUID> productIdsOrEmpty() {
        return productIds == null ? List.of() : productIds;
    }
}
