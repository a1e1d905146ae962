package uk.co.lomashwood.order.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Line;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.VatRate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lines of a credit note: the refunded items when the refund named them, otherwise the refunded gross spread
 * over the original invoice's VAT rates in proportion to their gross (remainder pennies to the largest), each split
 * into net and VAT at its rate.
 */
@Component
class CreditLines {

    private static final TypeReference<List<RefundedItem>> ITEMS = new TypeReference<>() {
    };

    record SettledRefund(UUID id, UUID orderId, long amount, String reason, Instant settledAt, List<RefundedItem> items) {
    }

    /** An entry of {@code refunds.items}: pence. */
    record RefundedItem(UUID orderItemId, int quantity, long amount) {
    }

    private record Item(UUID id, String title, String variantName, String colourName, String sku, long unitPrice,
                        BigDecimal taxRate) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CreditLines(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<SettledRefund> refund(UUID refundId) {
        return jdbc.sql("SELECT id, order_id, amount, reason, settled_at, items::text AS items FROM refunds WHERE id = ?")
                .param(refundId)
                .query((rs, n) -> new SettledRefund(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                        rs.getLong("amount"), rs.getString("reason"), Invoices.instant(rs, "settled_at"),
                        rs.getString("items") == null ? List.of() : json.readValue(rs.getString("items"), ITEMS)))
                .optional();
    }

    List<Line> lines(SettledRefund refund, Invoice original) {
        return refund.items().isEmpty() ? spread(refund.amount(), original) : itemLines(refund);
    }

    private List<Line> itemLines(SettledRefund refund) {
        Map<UUID, Item> items = jdbc.sql("""
                        SELECT id, product_title, variant_name, colour_name, sku, unit_price, tax_rate
                          FROM order_items WHERE order_id = ?""")
                .param(refund.orderId())
                .query((rs, n) -> new Item(rs.getObject("id", UUID.class), rs.getString("product_title"),
                        rs.getString("variant_name"), rs.getString("colour_name"), rs.getString("sku"),
                        rs.getLong("unit_price"), rs.getBigDecimal("tax_rate").setScale(2)))
                .list().stream().collect(Collectors.toMap(Item::id, Function.identity()));
        List<Line> lines = new ArrayList<>();
        for (RefundedItem refunded : refund.items()) {
            Item item = items.get(refunded.orderItemId());
            long vat = VatBreakdown.vatIn(refunded.amount(), item.taxRate());
            long net = refunded.amount() - vat;
            lines.add(new Line("CREDIT", item.title(), item.variantName(), item.colourName(), item.sku(),
                    refunded.quantity(), item.unitPrice(), item.unitPrice() * refunded.quantity() - net, net,
                    item.taxRate(), vat));
        }
        return lines;
    }

    private static List<Line> spread(long gross, Invoice original) {
        List<VatRate> rates = original.vatBreakdown().stream().filter(r -> r.net() + r.vat() > 0)
                .sorted(Comparator.comparingLong((VatRate r) -> r.net() + r.vat()).reversed()).toList();
        long base = rates.stream().mapToLong(r -> r.net() + r.vat()).sum();
        if (rates.isEmpty() || base <= 0) {
            return List.of(credit(original, gross, new BigDecimal("20.00")));
        }
        List<Line> lines = new ArrayList<>();
        long allocated = 0;
        for (int i = rates.size() - 1; i >= 1; i--) {
            VatRate rate = rates.get(i);
            long share = Math.floorDiv(gross * (rate.net() + rate.vat()), base);
            allocated += share;
            lines.addFirst(credit(original, share, rate.rate()));
        }
        lines.addFirst(credit(original, gross - allocated, rates.getFirst().rate()));
        return lines;
    }

    private static Line credit(Invoice original, long gross, BigDecimal rate) {
        long vat = VatBreakdown.vatIn(gross, rate);
        return new Line("CREDIT", "Refund against invoice " + original.invoiceNumber(), null, null, null, 1, gross - vat, 0,
                gross - vat, rate, vat);
    }
}
