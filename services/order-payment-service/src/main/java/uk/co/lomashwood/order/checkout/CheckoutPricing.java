package uk.co.lomashwood.order.checkout;

import org.springframework.stereotype.Service;
import uk.co.lomashwood.order.catalogue.Orderability;
import uk.co.lomashwood.order.catalogue.ProductCatalogue;
import uk.co.lomashwood.order.catalogue.ProductCatalogue.LineRequest;
import uk.co.lomashwood.order.catalogue.ProductCatalogue.PricedLine;
import uk.co.lomashwood.order.coupon.CouponCheck;
import uk.co.lomashwood.order.coupon.CouponTerms;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Prices a basket from live product-service prices (spec 20 §2.4.1): orderability, coupon, delivery and VAT. Used by
 * the summary (lenient: an invalid coupon is reported, not refused) and by order creation (strict).
 */
@Service
public class CheckoutPricing {

    public static final String COUNTRY = "GB";

    private final ProductCatalogue catalogue;
    private final CouponCheck coupons;
    private final DeliveryMethods deliveryMethods;
    private final TaxRates taxRates;

    public CheckoutPricing(ProductCatalogue catalogue, CouponCheck coupons, DeliveryMethods deliveryMethods,
                           TaxRates taxRates) {
        this.catalogue = catalogue;
        this.coupons = coupons;
        this.deliveryMethods = deliveryMethods;
        this.taxRates = taxRates;
    }

    /**
     * @param couponCode       null for none
     * @param shippingMethodId null for none (summary only)
     * @param userId           the signed-in customer, or null
     * @param loyaltyValue     pence of loyalty discount to apply (order creation only), else 0
     * @param strict           order creation: an invalid coupon is 422 COUPON_INVALID
     */
    public record Request(List<LineRequest> items, String couponCode, UUID shippingMethodId, UUID userId,
                          long loyaltyValue, boolean strict) {
    }

    public record Priced(List<PricedLine> products, List<AmountCalculator.Line> lines,
                         AmountCalculator.Breakdown breakdown, CouponCheck.Verdict coupon, DeliveryMethod delivery,
                         List<DeliveryMethod> eligibleMethods, Set<String> categories) {
    }

    public Priced price(Request request) {
        List<PricedLine> products = catalogue.priceCheck(request.items());
        Orderability.require(request.items(), products);
        List<AmountCalculator.Line> lines = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            PricedLine p = products.get(i);
            lines.add(new AmountCalculator.Line(p.productId(), p.category(), p.unitPrice().pence(),
                    request.items().get(i).quantity(), taxRates.rateFor(COUNTRY, p.category())));
        }
        long subtotal = lines.stream().mapToLong(l -> l.unitPrice() * l.quantity()).sum();
        Set<String> categories = AmountCalculator.categories(lines);

        CouponCheck.Verdict verdict = null;
        CouponTerms terms = null;
        if (request.couponCode() != null && !request.couponCode().isBlank()) {
            verdict = coupons.check(request.couponCode(), request.userId(), t -> lines.stream()
                    .filter(l -> t.eligible(l.productId(), l.category())).mapToLong(l -> l.unitPrice() * l.quantity()).sum());
            if (verdict.valid()) {
                terms = verdict.coupon().terms();
            } else if (request.strict()) {
                throw new ApiException(ErrorCode.COUPON_INVALID, "This coupon cannot be used for this order.")
                        .with("reason", verdict.reason());
            }
        }
        DeliveryMethod delivery = null;
        if (request.shippingMethodId() != null) {
            delivery = deliveryMethods.byId(request.shippingMethodId())
                    .filter(m -> m.eligible(COUNTRY, categories, subtotal))
                    .orElseThrow(() -> new ApiException(ErrorCode.SHIPPING_METHOD_UNAVAILABLE,
                            "This delivery method is not available for this basket."));
        }
        BigDecimal deliveryVat = taxRates.rateFor(COUNTRY, "SHIPPING");
        AmountCalculator.Breakdown breakdown = AmountCalculator.calculate(
                new AmountCalculator.Input(lines, terms, delivery, deliveryVat, request.loyaltyValue()));
        return new Priced(products, List.copyOf(lines), breakdown, verdict, delivery,
                deliveryMethods.eligible(COUNTRY, categories, subtotal), categories);
    }
}
