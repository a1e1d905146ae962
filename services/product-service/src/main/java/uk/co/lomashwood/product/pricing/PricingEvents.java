package uk.co.lomashwood.product.pricing;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Price history rows and {@code product.price.changed} for pricing-rule writes (spec 20 §1.4.3, §1.5). */
@Component
class PricingEvents {

    private static final BigDecimal SIGNIFICANT = BigDecimal.TEN;

    private final OutboxPublisher outbox;
    private final PricingStore store;

    PricingEvents(OutboxPublisher outbox, PricingStore store) {
        this.outbox = outbox;
        this.store = store;
    }

    /** One net price of a rule moved from {@code previous} (null when new) to {@code next}. */
    void priceChanged(PricingRuleView rule, Money previous, Money next, String priceType, String reason, UUID actor,
                      Instant at) {
        if (previous != null && previous.equals(next)) {
            return;
        }
        BigDecimal percentage = previous == null || previous.pence() == 0 ? null
                : BigDecimal.valueOf((next.pence() - previous.pence()) * 100)
                .divide(BigDecimal.valueOf(previous.pence()), 2, RoundingMode.HALF_UP);
        String by = actor == null ? "system" : actor.toString();
        store.recordHistory(new PricingStore.History(UUID.randomUUID(), rule.productId(), rule.variantId(), rule.id(),
                previous, next, percentage, priceType, reason, by, at, rule.effectiveFrom()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("productId", rule.productId());
        data.put("variantId", rule.variantId());
        data.put("pricingRuleId", rule.id());
        data.put("previousPrice", previous);
        data.put("newPrice", next);
        data.put("currency", Money.CURRENCY);
        data.put("changePercentage", percentage);
        data.put("isSignificant", percentage == null || percentage.abs().compareTo(SIGNIFICANT) >= 0);
        data.put("priceType", priceType);
        data.put("effectiveFrom", rule.effectiveFrom());
        data.put("effectiveUntil", rule.effectiveUntil());
        data.put("changedBy", by);
        data.put("reason", reason);
        outbox.publish("product.price.changed", rule.productId().toString(), data);
    }
}
