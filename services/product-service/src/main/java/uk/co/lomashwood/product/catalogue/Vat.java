package uk.co.lomashwood.product.catalogue;

import uk.co.lomashwood.platform.core.money.Money;

import java.math.BigDecimal;

/** UK VAT on catalogue prices, which are stored net (spec 20 §1.4.3). */
public final class Vat {

    public static final BigDecimal STANDARD_RATE = new BigDecimal("20.00");
    private static final BigDecimal GROSS_PERCENT = BigDecimal.valueOf(100).add(STANDARD_RATE);

    private Vat() {
    }

    /** round_half_up(net × (100 + rate) / 100); null stays null (price on request). */
    public static Money incVat(Money net) {
        return net == null ? null : net.percent(GROSS_PERCENT);
    }
}
