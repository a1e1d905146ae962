package uk.co.lomashwood.order.coupon;

import uk.co.lomashwood.platform.core.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The Coupon response for staff; amounts in pounds. */
public record CouponView(UUID id, String code, String name, String description, Coupon.CouponType discountType,
                         BigDecimal discountPercent, Money discountAmount, Money maxDiscountAmount, Money minOrderAmount,
                         Integer maxUsageCount, int maxUsagePerCustomer, int usageCount, Instant validFrom,
                         Instant validUntil, Set<String> applicableCategories, Set<UUID> applicableProducts,
                         Set<UUID> excludedProducts, boolean firstOrderOnly, String status, String internalNotes,
                         Instant createdAt, Instant updatedAt, String currency) {
}
