package uk.co.lomashwood.order.coupon;

import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToLongFunction;

/** Looks a code up and applies {@link CouponRules} for a basket (spec 20 §2.4.9). */
@Service
public class CouponCheck {

    private final Coupons coupons;
    private final Clock clock;

    public CouponCheck(Coupons coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    /** Either the usable coupon or the reason it is refused. */
    public record Verdict(String code, Coupon coupon, String reason) {
        public boolean valid() {
            return coupon != null && reason == null;
        }
    }

    /**
     * @param userId           the signed-in customer, or null (per-customer limits then skipped)
     * @param eligibleSubtotal the basket's subtotal over the lines the coupon's terms allow
     */
    public Verdict check(String code, UUID userId, ToLongFunction<CouponTerms> eligibleSubtotal) {
        String normalised = Coupons.normalise(code);
        Optional<Coupon> found = coupons.byCode(normalised);
        if (found.isEmpty()) {
            return new Verdict(normalised, null, "UNKNOWN_CODE");
        }
        Coupon coupon = found.get();
        int usages = userId == null ? -1 : coupons.usagesOf(coupon.id(), userId);
        boolean paidBefore = userId != null && coupon.firstOrderOnly() && coupons.hasPaidOrder(userId);
        Optional<String> refusal = CouponRules.refusal(coupon, clock.instant(),
                eligibleSubtotal.applyAsLong(coupon.terms()), usages, paidBefore);
        return new Verdict(coupon.code(), refusal.isEmpty() ? coupon : null, refusal.orElse(null));
    }
}
