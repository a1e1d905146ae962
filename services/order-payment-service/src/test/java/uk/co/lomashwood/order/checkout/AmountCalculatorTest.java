package uk.co.lomashwood.order.checkout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.co.lomashwood.order.coupon.Coupon.CouponType;
import uk.co.lomashwood.order.coupon.CouponTerms;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spec 20 §2.4.1 in integer pence: coupon spread, delivery, VAT rounding and the total's range. */
class AmountCalculatorTest {

    private static final BigDecimal VAT = new BigDecimal("20.00");
    private static final DeliveryMethod STANDARD = method("STANDARD", 995, null, 50_000L, true, true);
    private static final DeliveryMethod COLLECT = method("COLLECT_FROM_SHOWROOM", 0, null, null, true, true);

    @Test
    void linesAreNetPlusVatPerLineAndDeliveryVatOnTop() {
        var b = calculate(List.of(kitchen(10_000, 2)), null, STANDARD, 0);
        assertThat(b.subtotal()).isEqualTo(20_000);
        assertThat(b.shippingAmount()).isEqualTo(995);
        assertThat(b.shippingTax()).isEqualTo(199);
        assertThat(b.taxAmount()).isEqualTo(4_000 + 199);
        assertThat(b.totalAmount()).isEqualTo(20_000 + 995 + 4_199);
    }

    @ParameterizedTest(name = "subtotal {0}p, {1}% off → delivery {2}p")
    @CsvSource({
            "49999, 0, 995",
            "50000, 0, 0",
            "60000, 0, 0",
            "50000, 10, 995",   // the threshold applies to subtotal − discount
            "56000, 10, 0"})
    void standardDeliveryIsFreeFromFiveHundredPoundsAfterDiscount(long subtotal, int percentOff, long shipping) {
        CouponTerms coupon = percentOff == 0 ? null : percent(percentOff, null, Set.of());
        var b = calculate(List.of(kitchen(subtotal, 1)), coupon, STANDARD, 0);
        assertThat(b.shippingAmount()).isEqualTo(shipping);
        assertThat(b.totalAmount()).isEqualTo(b.subtotal() - b.discountAmount() + b.shippingAmount() + b.taxAmount());
    }

    @Test
    void freeShippingCouponZeroesDeliveryWithoutDiscountingLines() {
        CouponTerms free = new CouponTerms("FREESHIP", CouponType.FREE_SHIPPING, null, 0, null, Set.of(), Set.of(), Set.of());
        var b = calculate(List.of(kitchen(10_000, 1)), free, STANDARD, 0);
        assertThat(b.shippingAmount()).isZero();
        assertThat(b.discountAmount()).isZero();
        assertThat(b.totalAmount()).isEqualTo(12_000);
    }

    @Test
    void couponIsSpreadOverEligibleLinesInProportionWithRoundingPenniesOnTheLargestLine() {
        CouponTerms kitchenOnly = new CouponTerms("KIT10", CouponType.FIXED_AMOUNT, null, 1_000, null,
                Set.of("KITCHEN"), Set.of(), Set.of());
        var b = calculate(List.of(kitchen(3_333, 1), kitchen(10_000, 1), bedroom(5_000, 1)), kitchenOnly, COLLECT, 0);
        assertThat(b.lines()).extracting(AmountCalculator.LineAmounts::discountAmount).containsExactly(249L, 751L, 0L);
        assertThat(b.couponDiscount()).isEqualTo(1_000);
        // VAT per line on the discounted net: 3084 → 616.8 → 617; 9249 → 1849.8 → 1850; 5000 → 1000
        assertThat(b.lines()).extracting(AmountCalculator.LineAmounts::taxAmount).containsExactly(617L, 1_850L, 1_000L);
        assertThat(b.taxAmount()).isEqualTo(3_467);
        assertThat(b.totalAmount()).isEqualTo(18_333 - 1_000 + 3_467);
    }

    @ParameterizedTest(name = "{0}% of {1}p capped at {2} → {3}p")
    @CsvSource({
            "20, 100000, , 20000",
            "20, 100000, 25000, 20000",
            "20, 200000, 25000, 25000",
            "12.5, 999, , 125",      // 124.875 rounds half-up
            "50, 5000, , 2500"})
    void percentageCouponsRoundHalfUpAndRespectTheCap(String percent, long eligible, Long cap, long discount) {
        var b = calculate(List.of(kitchen(eligible, 1)), percent(new BigDecimal(percent), cap), COLLECT, 0);
        assertThat(b.couponDiscount()).isEqualTo(discount);
    }

    @Test
    void fixedCouponNeverExceedsTheEligibleSubtotal() {
        CouponTerms big = new CouponTerms("BIG", CouponType.FIXED_AMOUNT, null, 50_000, null, Set.of("BEDROOM"), Set.of(), Set.of());
        var b = calculate(List.of(bedroom(2_000, 1), kitchen(10_000, 1)), big, COLLECT, 0);
        assertThat(b.couponDiscount()).isEqualTo(2_000);
        assertThat(b.lines().get(1).discountAmount()).isZero();
    }

    @Test
    void excludedProductsGetNoShareOfTheCoupon() {
        AmountCalculator.Line excluded = kitchen(10_000, 1);
        CouponTerms terms = new CouponTerms("X", CouponType.PERCENTAGE, BigDecimal.TEN, 0, null, Set.of(), Set.of(),
                Set.of(excluded.productId()));
        var b = calculate(List.of(excluded, kitchen(5_000, 1)), terms, COLLECT, 0);
        assertThat(b.lines()).extracting(AmountCalculator.LineAmounts::discountAmount).containsExactly(0L, 500L);
    }

    @ParameterizedTest(name = "{0}p net at {1}% → {2}p VAT")
    @CsvSource({"9, 20, 2", "7, 20, 1", "10, 25, 3", "14, 25, 4", "99999, 20, 20000"})
    void vatIsRoundedHalfUpPerLine(long net, String rate, long vat) {
        var b = AmountCalculator.compute(new AmountCalculator.Input(List.of(
                new AmountCalculator.Line(UUID.randomUUID(), "KITCHEN", net, 1, new BigDecimal(rate))), null, COLLECT, VAT, 0), 0);
        assertThat(b.taxAmount()).isEqualTo(vat);
    }

    @ParameterizedTest(name = "unit {0}p → in range: {1}")
    @CsvSource({"24, false", "25, true", "83333332, true", "83333334, false"})
    void totalMustBeBetweenThirtyPenceAndNineHundredNinetyNineThousandPounds(long unitPrice, boolean accepted) {
        List<AmountCalculator.Line> lines = List.of(kitchen(unitPrice, 1));
        if (accepted) {
            assertThat(calculate(lines, null, COLLECT, 0).totalAmount()).isBetween(30L, 99_999_999L);
        } else {
            assertThatThrownBy(() -> calculate(lines, null, COLLECT, 0)).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.ORDER_AMOUNT_OUT_OF_RANGE);
        }
    }

    @Test
    void loyaltyIsSpreadAfterTheCouponAndCappedToKeepThirtyPence() {
        var b = calculate(List.of(kitchen(1_000, 1)), null, COLLECT, 1_000);
        assertThat(b.loyaltyDiscount()).isEqualTo(975);
        assertThat(b.totalAmount()).isEqualTo(30);
    }

    @Test
    void loyaltyAfterCouponIsSharedByRemainingNet() {
        CouponTerms tenOff = percent(10, null, Set.of());
        var b = calculate(List.of(kitchen(6_000, 1), kitchen(4_000, 1)), tenOff, COLLECT, 500);
        assertThat(b.couponDiscount()).isEqualTo(1_000);
        assertThat(b.loyaltyDiscount()).isEqualTo(500);
        assertThat(b.discountAmount()).isEqualTo(1_500);
        assertThat(b.lines()).extracting(AmountCalculator.LineAmounts::discountAmount).containsExactly(900L, 600L);
    }

    @Test
    void spreadGivesEveryPennyAway() {
        long[] shares = AmountCalculator.spread(100, new long[] {1, 1, 1});
        assertThat(shares).containsExactly(34, 33, 33);
        assertThat(AmountCalculator.spread(0, new long[] {5, 5})).containsExactly(0, 0);
    }

    @Test
    void deliveryEligibilityFollowsCategoriesCountryAndOrderLimits() {
        DeliveryMethod nextDay = method("NEXT_DAY", 24_900, 200_000L, null, true, false);
        assertThat(nextDay.eligible("GB", Set.of("KITCHEN"), 200_000)).isTrue();
        assertThat(nextDay.eligible("GB", Set.of("KITCHEN"), 199_999)).isFalse();
        assertThat(nextDay.eligible("GB", Set.of("KITCHEN", "BEDROOM"), 300_000)).isFalse();
        assertThat(nextDay.eligible("FR", Set.of("KITCHEN"), 300_000)).isFalse();
    }

    private static AmountCalculator.Breakdown calculate(List<AmountCalculator.Line> lines, CouponTerms coupon,
                                                        DeliveryMethod delivery, long loyalty) {
        return AmountCalculator.calculate(new AmountCalculator.Input(lines, coupon, delivery, VAT, loyalty));
    }

    private static AmountCalculator.Line kitchen(long unitPrice, int quantity) {
        return new AmountCalculator.Line(UUID.randomUUID(), "KITCHEN", unitPrice, quantity, VAT);
    }

    private static AmountCalculator.Line bedroom(long unitPrice, int quantity) {
        return new AmountCalculator.Line(UUID.randomUUID(), "BEDROOM", unitPrice, quantity, VAT);
    }

    private static CouponTerms percent(int percent, Long cap, Set<String> categories) {
        return new CouponTerms("P" + percent, CouponType.PERCENTAGE, BigDecimal.valueOf(percent), 0, cap, categories,
                Set.of(), Set.of());
    }

    private static CouponTerms percent(BigDecimal percent, Long cap) {
        return new CouponTerms("P", CouponType.PERCENTAGE, percent, 0, cap, Set.of(), Set.of(), Set.of());
    }

    private static DeliveryMethod method(String code, long price, Long minimum, Long freeThreshold, boolean kitchen,
                                         boolean bedroom) {
        return new DeliveryMethod(UUID.randomUUID(), code, code, null, price, 1, 2, minimum, null, freeThreshold, kitchen,
                bedroom, Set.of("GB"), true);
    }
}
