package uk.co.lomashwood.order.invoice;

import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Line;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.VatRate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** VAT per rate of a document's lines, and the VAT contained in a gross amount. */
final class VatBreakdown {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private VatBreakdown() {
    }

    /** One entry per rate, highest rate first. */
    static List<VatRate> of(List<Line> lines) {
        Map<BigDecimal, long[]> byRate = new TreeMap<>(Comparator.reverseOrder());
        for (Line line : lines) {
            long[] sums = byRate.computeIfAbsent(line.vatRate().setScale(2), r -> new long[2]);
            sums[0] += line.netTotal();
            sums[1] += line.vatAmount();
        }
        return byRate.entrySet().stream().map(e -> new VatRate(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** VAT inside {@code gross} pence at {@code rate} percent, half-up: gross × rate / (100 + rate). */
    static long vatIn(long gross, BigDecimal rate) {
        return BigDecimal.valueOf(gross).multiply(rate).divide(HUNDRED.add(rate), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
