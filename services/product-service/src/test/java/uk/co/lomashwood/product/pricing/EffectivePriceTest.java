package uk.co.lomashwood.product.pricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The effective unit price of spec 20 §1.4.3: lowest candidate, discounts never stack, VAT from the rule. */
class EffectivePriceTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static PriceRule rule(long base, Long sale, Instant start, Instant end, String taxRate) {
        return new PriceRule(UUID.randomUUID(), "FIXED", base, sale, start, end, new BigDecimal(taxRate), 1, null);
    }

    private static SaleDiscount percent(String p) {
        return new SaleDiscount(UUID.randomUUID(), SaleDiscount.DiscountType.PERCENTAGE, new BigDecimal(p), null);
    }

    private static SaleDiscount amount(long pence) {
        return new SaleDiscount(UUID.randomUUID(), SaleDiscount.DiscountType.FIXED_AMOUNT, null, pence);
    }

    @Test
    void withoutRuleOrSaleTheProductPriceIsChargedWithStandardVat() {
        EffectivePrice price = EffectivePrice.of(100_000L, null, List.of(), NOW);
        assertThat(price.effective()).isEqualTo(100_000L);
        assertThat(price.onSale()).isFalse();
        assertThat(price.unitPriceIncVat().pence()).isEqualTo(120_000L);
    }

    @Test
    void theRuleBaseReplacesTheProductPriceAndItsTaxRateIsUsed() {
        EffectivePrice price = EffectivePrice.of(100_000L, rule(80_000, null, null, null, "5.00"), List.of(), NOW);
        assertThat(price.effective()).isEqualTo(80_000L);
        assertThat(price.unitPriceIncVat().pence()).isEqualTo(84_000L);
    }

    @Test
    void aRuleSalePriceCountsOnlyInsideItsWindow() {
        Instant later = NOW.plusSeconds(3600);
        assertThat(EffectivePrice.of(null, rule(10_000, 9_000L, later, null, "20"), List.of(), NOW).effective())
                .isEqualTo(10_000L);
        assertThat(EffectivePrice.of(null, rule(10_000, 9_000L, null, later, "20"), List.of(), NOW).effective())
                .isEqualTo(9_000L);
        assertThat(EffectivePrice.of(null, rule(10_000, 9_000L, NOW.minusSeconds(7200), NOW.minusSeconds(3600), "20"),
                List.of(), NOW).effective()).isEqualTo(10_000L);
    }

    @Test
    void theLowestCandidateWinsAndDiscountsNeverStack() {
        EffectivePrice price = EffectivePrice.of(null, rule(10_000, 9_500L, null, null, "20"),
                List.of(percent("10"), amount(700)), NOW);
        assertThat(price.effective()).isEqualTo(9_000L);
        assertThat(price.onSale()).isTrue();
        assertThat(EffectivePrice.of(10_000L, null, List.of(amount(50_000)), NOW).effective()).isEqualTo(1L);
        assertThat(EffectivePrice.of(999L, null, List.of(percent("12.5")), NOW).effective()).isEqualTo(874L);
    }

    @Test
    void priceOnRequestStaysWithoutPriceAndOnlyFixedPricesAreOrderable() {
        assertThat(EffectivePrice.of(null, null, List.of(percent("10")), NOW).effective()).isNull();
        PriceRule range = new PriceRule(UUID.randomUUID(), "RANGE", 10_000, null, null, null, BigDecimal.TEN, 1, null);
        assertThat(EffectivePrice.of(null, range, List.of(), NOW).orderableOnline()).isFalse();
    }
}
