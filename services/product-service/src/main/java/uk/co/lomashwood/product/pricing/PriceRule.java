package uk.co.lomashwood.product.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The inputs of one pricing rule that decide a unit price (spec 20 §1.4.3); money in pence. */
public record PriceRule(UUID id, String pricingType, long basePrice, Long salePrice, Instant saleStartDate,
                        Instant saleEndDate, BigDecimal taxRate, int minOrderQuantity, Integer maxOrderQuantity) {

    /** The rule's own sale price applies when now is inside [saleStartDate, saleEndDate] (open bounds allowed). */
    boolean saleRunning(Instant now) {
        return salePrice != null && (saleStartDate == null || !now.isBefore(saleStartDate))
                && (saleEndDate == null || !now.isAfter(saleEndDate));
    }
}
