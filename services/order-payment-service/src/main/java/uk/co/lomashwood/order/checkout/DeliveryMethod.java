package uk.co.lomashwood.order.checkout;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** A delivery rate (spec 20 §2.2 shipping_methods, §2.4.11); amounts net, in pence. */
public record DeliveryMethod(UUID id, String code, String name, String description, long price, int estimatedDaysMin,
                             int estimatedDaysMax, Long minimumOrderAmount, Long maximumOrderAmount, Long freeThreshold,
                             boolean appliesToKitchen, boolean appliesToBedroom, Set<String> availableCountries,
                             boolean active) {

    /**
     * Usable for this basket: active, ships to the country, allows every category in it and the subtotal is within
     * the method's minimum/maximum order amount (spec 20 §2.4.1 step 5).
     */
    public boolean eligible(String country, Collection<String> categories, long subtotal) {
        return active
                && availableCountries.contains(country)
                && (!categories.contains("KITCHEN") || appliesToKitchen)
                && (!categories.contains("BEDROOM") || appliesToBedroom)
                && (minimumOrderAmount == null || subtotal >= minimumOrderAmount)
                && (maximumOrderAmount == null || subtotal <= maximumOrderAmount);
    }

    /** Free when the threshold is set and the discounted subtotal reaches it, or with a FREE_SHIPPING coupon. */
    public long effectiveCost(long discountedSubtotal, boolean freeShippingCoupon) {
        if (freeShippingCoupon || (freeThreshold != null && discountedSubtotal >= freeThreshold)) {
            return 0;
        }
        return price;
    }
}
