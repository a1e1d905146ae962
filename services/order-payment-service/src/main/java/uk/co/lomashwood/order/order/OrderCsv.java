package uk.co.lomashwood.order.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * The staff CSV export of orders (RFC 4180, amounts in pounds). Cells that a spreadsheet would run as a formula
 * ({@code = + - @}, tab, CR) are prefixed with an apostrophe.
 */
final class OrderCsv {

    static final String HEADER = "orderNumber,createdAt,status,paymentStatus,source,customerEmail,customerName,"
            + "subtotal,discountAmount,shippingAmount,taxAmount,totalAmount,amountPaid,amountRefunded,currency,couponCode";

    private OrderCsv() {
    }

    static String of(List<OrderRow> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (OrderRow o : rows) {
            csv.append(String.join(",", cell(o.orderNumber()), cell(o.createdAt().toString()), cell(o.status().name()),
                    cell(o.paymentStatus().name()), cell(o.source()), cell(o.customerEmail()), cell(o.customerName()),
                    pounds(o.subtotal()), pounds(o.discountAmount()), pounds(o.shippingAmount()), pounds(o.taxAmount()),
                    pounds(o.totalAmount()), pounds(o.amountPaid()), pounds(o.amountRefunded()), cell(o.currency()),
                    cell(o.couponCode()))).append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String pounds(long pence) {
        return BigDecimal.valueOf(pence, 2).toPlainString();
    }
}
