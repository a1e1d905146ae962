package uk.co.lomashwood.order.coupon;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The writable coupon columns (spec 20 §2.3 POST/PATCH /v1/coupons); amounts in pounds. */
public record CouponInput(@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{3,50}", message = "3–50 letters, digits, _ or -") String code,
                          @NotBlank @Size(max = 100) String name,
                          @Size(max = 1000) String description,
                          @NotNull Coupon.CouponType discountType,
                          @DecimalMin("0.01") @DecimalMax("100.00") BigDecimal discountPercent,
                          @DecimalMin("0.01") @DecimalMax("999999.99") BigDecimal discountAmount,
                          @DecimalMin("0.01") @DecimalMax("999999.99") BigDecimal maxDiscountAmount,
                          @DecimalMin("0.00") @DecimalMax("999999.99") BigDecimal minOrderAmount,
                          @Min(1) @Max(10_000_000) Integer maxUsageCount,
                          @Min(1) @Max(1000) Integer maxUsagePerCustomer,
                          @NotNull Instant validFrom,
                          Instant validUntil,
                          Set<@NotNull @Pattern(regexp = "KITCHEN|BEDROOM") String> applicableCategories,
                          Set<@NotNull UUID> applicableProducts,
                          Set<@NotNull UUID> excludedProducts,
                          Boolean firstOrderOnly,
                          @Size(max = 1000) String internalNotes) {

    /** The rules bean validation cannot express: type-specific amounts and the validity window. */
    void checkConsistency() {
        List<FieldViolation> errors = new ArrayList<>();
        switch (discountType) {
            case PERCENTAGE -> {
                if (discountPercent == null) {
                    errors.add(new FieldViolation("discountPercent", "is required for PERCENTAGE coupons"));
                }
                if (discountAmount != null) {
                    errors.add(new FieldViolation("discountAmount", "is only for FIXED_AMOUNT coupons"));
                }
            }
            case FIXED_AMOUNT -> {
                if (discountAmount == null) {
                    errors.add(new FieldViolation("discountAmount", "is required for FIXED_AMOUNT coupons"));
                }
                if (discountPercent != null) {
                    errors.add(new FieldViolation("discountPercent", "is only for PERCENTAGE coupons"));
                }
            }
            case FREE_SHIPPING -> {
                if (discountPercent != null || discountAmount != null) {
                    errors.add(new FieldViolation("discountType", "FREE_SHIPPING coupons carry no discount amount"));
                }
            }
        }
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            errors.add(new FieldViolation("validUntil", "must be after validFrom"));
        }
        for (BigDecimal amount : new BigDecimal[] {discountAmount, maxDiscountAmount, minOrderAmount}) {
            if (amount != null && amount.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldViolation("amount", "pounds have at most 2 decimals"));
            }
        }
        if (discountPercent != null && discountPercent.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldViolation("discountPercent", "has at most 2 decimals"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
