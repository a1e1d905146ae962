package uk.co.lomashwood.order.checkout;

import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;

import java.math.BigDecimal;

/** A client-sent amount of pounds (query or body) as {@link Money}: at most 2 decimals, never negative, else 400. */
public final class Pounds {

    private Pounds() {
    }

    public static Money parse(String field, BigDecimal pounds) {
        try {
            Money money = Money.ofPounds(pounds);
            if (!money.isNegative()) {
                return money;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw ValidationException.of(field, "must be pounds (0 or more, at most 2 decimals)");
    }
}
