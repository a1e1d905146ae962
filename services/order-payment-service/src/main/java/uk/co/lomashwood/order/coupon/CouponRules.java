package uk.co.lomashwood.order.coupon;

import java.time.Instant;
import java.util.Optional;

/** The validity rules of spec 20 §2.4.9, without I/O; the reason codes are those of 422 COUPON_INVALID. */
public final class CouponRules {

    private CouponRules() {
    }

    /**
     * @param customerUsages the customer's RESERVED + CONSUMED usages, or -1 when the caller is anonymous (per-customer
     *                       limits are checked only when a token is sent)
     * @param hasPaidOrder   whether the customer already has a paid order (firstOrderOnly), false when anonymous
     * @return the reason the coupon cannot be used, or empty
     */
    public static Optional<String> refusal(Coupon coupon, Instant now, long eligibleSubtotal, int customerUsages,
                                           boolean hasPaidOrder) {
        if (!"ACTIVE".equals(coupon.status()) && !"EXHAUSTED".equals(coupon.status()) && !"EXPIRED".equals(coupon.status())) {
            return Optional.of("INACTIVE");
        }
        if (now.isBefore(coupon.validFrom())) {
            return Optional.of("NOT_STARTED");
        }
        if ("EXPIRED".equals(coupon.status()) || (coupon.validUntil() != null && now.isAfter(coupon.validUntil()))) {
            return Optional.of("EXPIRED");
        }
        if ("EXHAUSTED".equals(coupon.status())
                || (coupon.maxUsageCount() != null && coupon.usageCount() >= coupon.maxUsageCount())) {
            return Optional.of("EXHAUSTED");
        }
        if (customerUsages >= 0 && customerUsages >= coupon.maxUsagePerCustomer()) {
            return Optional.of("CUSTOMER_LIMIT");
        }
        if (coupon.firstOrderOnly() && hasPaidOrder) {
            return Optional.of("FIRST_ORDER_ONLY");
        }
        if (eligibleSubtotal <= 0) {
            return Optional.of("NOT_APPLICABLE");
        }
        if (coupon.minOrderAmount() != null && eligibleSubtotal < coupon.minOrderAmount()) {
            return Optional.of("MIN_ORDER_NOT_MET");
        }
        return Optional.empty();
    }
}
