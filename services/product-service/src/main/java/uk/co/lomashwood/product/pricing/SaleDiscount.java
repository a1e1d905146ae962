package uk.co.lomashwood.product.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/** A current sale's discount on a product (spec 20 §1.4.3 step 3); amounts in pence. */
public record SaleDiscount(UUID saleId, DiscountType type, BigDecimal percent, Long amount) {

    public enum DiscountType { PERCENTAGE, FIXED_AMOUNT }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** PERCENTAGE → round_half_up(base × (100 − p) / 100); FIXED_AMOUNT → max(base − amount, 1). */
    long apply(long base) {
        return switch (type) {
            case PERCENTAGE -> BigDecimal.valueOf(base).multiply(HUNDRED.subtract(percent))
                    .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
            case FIXED_AMOUNT -> Math.max(base - amount, 1);
        };
    }
}
