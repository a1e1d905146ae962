package uk.co.lomashwood.order.coupon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A coupon row (spec 20 §2.2 coupons); amounts in pence. */
public record Coupon(UUID id, String code, String name, CouponType discountType, BigDecimal discountPercent,
                     Long discountAmount, Long maxDiscountAmount, Long minOrderAmount, Integer maxUsageCount,
                     int maxUsagePerCustomer, int usageCount, Instant validFrom, Instant validUntil,
                     Set<String> applicableCategories, Set<UUID> applicableProducts, Set<UUID> excludedProducts,
                     boolean firstOrderOnly, String status) {

    public enum CouponType { PERCENTAGE, FIXED_AMOUNT, FREE_SHIPPING }

    /** The terms the amount calculation applies. */
    public CouponTerms terms() {
        return new CouponTerms(code, discountType, discountPercent, discountAmount == null ? 0 : discountAmount,
                maxDiscountAmount, applicableCategories, applicableProducts, excludedProducts);
    }
}
