package uk.co.lomashwood.product.pricing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the effective price of one (product, variant) depends on, loaded without regard to the clock: the
 * product's price, its ACTIVE rules with their windows and the sales that cover it and have not ended. The windows
 * are applied at read time ({@link #at}), so the cached copy ({@code product:pricing:*}, spec 20 §1.7) stays right
 * while sales and rule windows open and close; only writes have to invalidate it.
 */
record PriceInputs(boolean exists, Long price, String category, String status, List<WindowedRule> rules,
                   List<WindowedSale> sales) {

    static final PriceInputs MISSING = new PriceInputs(false, null, null, null, List.of(), List.of());

    /** An ACTIVE rule; {@code ofVariant} false = the product-level rule, the fallback of every variant. */
    record WindowedRule(boolean ofVariant, Instant effectiveFrom, Instant effectiveUntil, PriceRule rule) {

        boolean effectiveAt(Instant now) {
            return !effectiveFrom.isAfter(now) && (effectiveUntil == null || effectiveUntil.isAfter(now));
        }
    }

    record WindowedSale(Instant startDate, Instant endDate, SaleDiscount discount) {

        boolean currentAt(Instant now) {
            return !startDate.isAfter(now) && !endDate.isBefore(now);
        }
    }

    /** Step 1–4 of spec 20 §1.4.3 at {@code now}; empty when the product does not exist. */
    Optional<EffectivePrice> at(Instant now) {
        if (!exists) {
            return Optional.empty();
        }
        PriceRule rule = current(true, now).or(() -> current(false, now)).orElse(null);
        List<SaleDiscount> current = sales.stream().filter(s -> s.currentAt(now)).map(WindowedSale::discount).toList();
        return Optional.of(EffectivePrice.of(price, rule, current, now));
    }

    private Optional<PriceRule> current(boolean ofVariant, Instant now) {
        return rules.stream().filter(r -> r.ofVariant() == ofVariant && r.effectiveAt(now)).map(WindowedRule::rule)
                .findFirst();
    }
}
