package uk.co.lomashwood.platform.core.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of pounds sterling held as integer pence (spec 00 §1.1): pence in the database and in
 * Stripe calls, a number of pounds with exactly two decimals in JSON. Never a {@code double}.
 */
public record Money(long pence) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);
    public static final String CURRENCY = "GBP";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static Money ofPence(long pence) {
        return new Money(pence);
    }

    /** Parses pounds; more than two decimal places is refused rather than silently rounded. */
    @JsonCreator
    public static Money ofPounds(BigDecimal pounds) {
        if (pounds.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("money has at most 2 decimal places");
        }
        return new Money(pounds.movePointRight(2).longValueExact());
    }

    public static Money ofPounds(String pounds) {
        return ofPounds(new BigDecimal(pounds));
    }

    @JsonValue
    public BigDecimal pounds() {
        return BigDecimal.valueOf(pence, 2);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(pence, other.pence));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(pence, other.pence));
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(pence, quantity));
    }

    /** This amount scaled by a percentage (e.g. VAT 20.00), rounded half-up to the penny. */
    public Money percent(BigDecimal percentage) {
        BigDecimal scaled = BigDecimal.valueOf(pence).multiply(percentage).divide(HUNDRED, 0, RoundingMode.HALF_UP);
        return new Money(scaled.longValueExact());
    }

    public boolean isNegative() {
        return pence < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(pence, other.pence);
    }

    @Override
    public String toString() {
        return "£" + pounds().toPlainString();
    }
}
