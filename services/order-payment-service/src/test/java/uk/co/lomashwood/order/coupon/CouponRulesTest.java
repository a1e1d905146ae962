package uk.co.lomashwood.order.coupon;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The validity rules of spec 20 §2.4.9 and the reason each refusal reports. */
class CouponRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void anActiveCouponInItsWindowIsAccepted() {
        assertThat(CouponRules.refusal(coupon("ACTIVE", null, 0, false, null), NOW, 10_000, 0, false)).isEmpty();
    }

    @Test
    void eachBrokenRuleIsReportedWithItsReason() {
        assertThat(CouponRules.refusal(coupon("INACTIVE", null, 0, false, null), NOW, 10_000, 0, false)).contains("INACTIVE");
        assertThat(CouponRules.refusal(withWindow(NOW.plusSeconds(60), null), NOW, 10_000, 0, false)).contains("NOT_STARTED");
        assertThat(CouponRules.refusal(withWindow(NOW.minusSeconds(120), NOW.minusSeconds(60)), NOW, 10_000, 0, false))
                .contains("EXPIRED");
        assertThat(CouponRules.refusal(coupon("ACTIVE", 5, 5, false, null), NOW, 10_000, 0, false)).contains("EXHAUSTED");
        assertThat(CouponRules.refusal(coupon("ACTIVE", null, 0, false, null), NOW, 10_000, 1, false)).contains("CUSTOMER_LIMIT");
        assertThat(CouponRules.refusal(coupon("ACTIVE", null, 0, true, null), NOW, 10_000, 0, true)).contains("FIRST_ORDER_ONLY");
        assertThat(CouponRules.refusal(coupon("ACTIVE", null, 0, false, 20_000L), NOW, 19_999, 0, false))
                .contains("MIN_ORDER_NOT_MET");
        assertThat(CouponRules.refusal(coupon("ACTIVE", null, 0, false, null), NOW, 0, 0, false)).contains("NOT_APPLICABLE");
    }

    @Test
    void perCustomerLimitIsSkippedForAnonymousCallers() {
        assertThat(CouponRules.refusal(coupon("ACTIVE", null, 0, false, null), NOW, 10_000, -1, false)).isEmpty();
    }

    @Test
    void minimumOrderIsMetExactly() {
        assertThat(CouponRules.refusal(coupon("ACTIVE", null, 0, false, 20_000L), NOW, 20_000, 0, false)).isEmpty();
    }

    private static Coupon coupon(String status, Integer maxUsage, int used, boolean firstOrderOnly, Long minOrder) {
        return new Coupon(UUID.randomUUID(), "SUMMER20", "Summer", Coupon.CouponType.PERCENTAGE, BigDecimal.valueOf(20),
                null, null, minOrder, maxUsage, 1, used, NOW.minusSeconds(3600), null, Set.of(), Set.of(), Set.of(),
                firstOrderOnly, status);
    }

    private static Coupon withWindow(Instant from, Instant until) {
        return new Coupon(UUID.randomUUID(), "WINDOW", "Window", Coupon.CouponType.FIXED_AMOUNT, null, 500L, null, null,
                null, 1, 0, from, until, Set.of(), Set.of(), Set.of(), false, "ACTIVE");
    }
}
