package uk.co.lomashwood.order.checkout;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.co.lomashwood.order.catalogue.ProductCatalogue.PricedLine;
import uk.co.lomashwood.platform.core.money.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The response of {@code POST /v1/checkout/summary} (spec 20 §2.3). */
public record CheckoutSummary(List<Item> items, Money subtotal, Money discountAmount, Money shippingAmount,
                              Money taxAmount, Money totalAmount, String currency, CouponStatus coupon,
                              List<Method> shippingMethods) {

    public record Item(UUID productId, UUID variantId, int quantity, Money unitPrice, Money totalPrice,
                       Money discountAmount, Money taxAmount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CouponStatus(String code, boolean isValid, String reason) {
    }

    public record Method(UUID id, String code, String name, Money price, Money effectiveCost, boolean isFree,
                         int estimatedDaysMin, int estimatedDaysMax) {
    }

    static CheckoutSummary of(CheckoutPricing.Priced priced) {
        AmountCalculator.Breakdown b = priced.breakdown();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < priced.products().size(); i++) {
            PricedLine p = priced.products().get(i);
            AmountCalculator.LineAmounts a = b.lines().get(i);
            items.add(new Item(p.productId(), p.variantId(), a.quantity(), Money.ofPence(a.unitPrice()),
                    Money.ofPence(a.totalPrice()), Money.ofPence(a.discountAmount()), Money.ofPence(a.taxAmount())));
        }
        CouponStatus coupon = priced.coupon() == null ? null
                : new CouponStatus(priced.coupon().code(), priced.coupon().valid(), priced.coupon().reason());
        boolean freeShippingCoupon = priced.coupon() != null && priced.coupon().valid()
                && priced.coupon().coupon().terms().freeShipping();
        long discounted = b.subtotal() - b.discountAmount();
        List<Method> methods = priced.eligibleMethods().stream().map(m -> {
            long cost = m.effectiveCost(discounted, freeShippingCoupon);
            return new Method(m.id(), m.code(), m.name(), Money.ofPence(m.price()), Money.ofPence(cost), cost == 0,
                    m.estimatedDaysMin(), m.estimatedDaysMax());
        }).toList();
        return new CheckoutSummary(List.copyOf(items), Money.ofPence(b.subtotal()), Money.ofPence(b.discountAmount()),
                Money.ofPence(b.shippingAmount()), Money.ofPence(b.taxAmount()), Money.ofPence(b.totalAmount()),
                Money.CURRENCY, coupon, methods);
    }
}
