package uk.co.lomashwood.product.pricing;

import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.product.catalogue.Vat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The effective unit price of a (product, variant) at one instant (spec 20 §1.4.3): the base from the
 * current rule or the product's price, lowered by the rule's running sale price or the best current sale.
 * Discounts never stack; the lowest candidate wins. {@code base} null = price on request.
 */
public record EffectivePrice(Long base, Long effective, UUID ruleId, String pricingType, BigDecimal taxRate,
                             int minOrderQuantity, Integer maxOrderQuantity, UUID saleId) {

    public static EffectivePrice of(Long productPrice, PriceRule rule, List<SaleDiscount> sales, Instant now) {
        Long base = rule != null ? Long.valueOf(rule.basePrice()) : productPrice;
        BigDecimal taxRate = rule != null ? rule.taxRate() : Vat.STANDARD_RATE;
        String type = rule != null ? rule.pricingType() : "FIXED";
        int minQty = rule != null ? rule.minOrderQuantity() : 1;
        Integer maxQty = rule != null ? rule.maxOrderQuantity() : null;
        UUID ruleId = rule == null ? null : rule.id();
        if (base == null) {
            return new EffectivePrice(null, null, ruleId, type, taxRate, minQty, maxQty, null);
        }
        long best = base;
        if (rule != null && rule.saleRunning(now) && rule.salePrice() < best) {
            best = rule.salePrice();
        }
        UUID saleId = null;
        for (SaleDiscount sale : sales) {
            long discounted = sale.apply(base);
            if (discounted < best) {
                best = discounted;
                saleId = sale.saleId();
            }
        }
        return new EffectivePrice(base, best, ruleId, type, taxRate, minQty, maxQty, saleId);
    }

    public boolean onSale() {
        return base != null && effective < base;
    }

    public Money unitPrice() {
        return effective == null ? null : Money.ofPence(effective);
    }

    /** round_half_up(net × (100 + taxRate) / 100) with the rule's tax rate. */
    public Money unitPriceIncVat() {
        return effective == null ? null : Money.ofPence(effective).percent(BigDecimal.valueOf(100).add(taxRate));
    }

    /** Only FIXED prices can be bought online; the others lead to a design consultation. */
    public boolean orderableOnline() {
        return base != null && "FIXED".equals(pricingType);
    }
}
