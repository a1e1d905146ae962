package uk.co.lomashwood.product.product;

import uk.co.lomashwood.platform.core.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A change of a net price (spec 20 §1.4.3): its percentage and whether it is significant (≥ 10 %). */
record PriceChange(Money previous, Money next) {

    private static final BigDecimal SIGNIFICANT = BigDecimal.TEN;

    /** Null when there was no previous price (price on request → priced). */
    BigDecimal percentage() {
        if (previous == null || previous.pence() == 0) {
            return null;
        }
        return BigDecimal.valueOf(next.pence() - previous.pence()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(previous.pence()), 2, RoundingMode.HALF_UP);
    }

    boolean significant() {
        BigDecimal percentage = percentage();
        return percentage == null || percentage.abs().compareTo(SIGNIFICANT) >= 0;
    }
}
