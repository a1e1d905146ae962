package uk.co.lomashwood.order.coupon;

import uk.co.lomashwood.order.coupon.Coupon.CouponType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.UUID;

/**
 * The pure discount rules of a coupon (spec 20 §2.4.9): which lines are eligible, and the discount on the eligible
 * subtotal in pence — PERCENTAGE half-up and capped, FIXED_AMOUNT at most the eligible subtotal, FREE_SHIPPING 0
 * (delivery becomes free instead).
 */
public record CouponTerms(String code, CouponType type, BigDecimal percent, long fixedAmount, Long maxDiscount,
                          Set<String> categories, Set<UUID> products, Set<UUID> excluded) {

    public CouponTerms {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        products = products == null ? Set.of() : Set.copyOf(products);
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
    }

    public boolean eligible(UUID productId, String category) {
        return (categories.isEmpty() || categories.contains(category))
                && (products.isEmpty() || products.contains(productId))
                && !excluded.contains(productId);
    }

    public boolean freeShipping() {
        return type == CouponType.FREE_SHIPPING;
    }

    /** Discount in pence on the eligible subtotal; never more than it. */
    public long discountOn(long eligibleSubtotal) {
        long discount = switch (type) {
            case PERCENTAGE -> {
                long raw = BigDecimal.valueOf(eligibleSubtotal).multiply(percent)
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
                yield maxDiscount == null ? raw : Math.min(raw, maxDiscount);
            }
            case FIXED_AMOUNT -> fixedAmount;
            case FREE_SHIPPING -> 0;
        };
        return Math.max(0, Math.min(discount, eligibleSubtotal));
    }
}
