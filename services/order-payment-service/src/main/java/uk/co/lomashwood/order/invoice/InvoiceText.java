package uk.co.lomashwood.order.invoice;

import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Line;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Payment;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.VatRate;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words and figures of an invoice or credit note, shared by the PDF and the HTML rendering. */
final class InvoiceText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private InvoiceText() {
    }

    static String title(Invoice invoice) {
        return invoice.isCreditNote() ? "CREDIT NOTE" : "VAT INVOICE";
    }

    static String numberLabel(Invoice invoice) {
        return invoice.isCreditNote() ? "Credit note number" : "Invoice number";
    }

    static String money(long pence) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        return (pence < 0 ? "-£" : "£") + format.format(BigDecimal.valueOf(Math.abs(pence), 2));
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(LocalDate.ofInstant(instant, InvoiceIssuing.LONDON));
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String rate(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString() + "%";
    }

    /** Product title, then variant and colour, then SKU. */
    static List<String> describe(Line line) {
        List<String> parts = new ArrayList<>();
        parts.add(line.description());
        String variant = join(" / ", line.variantName(), line.colourName());
        if (!variant.isEmpty()) {
            parts.add(variant);
        }
        if (line.sku() != null && !line.sku().isBlank()) {
            parts.add("SKU " + line.sku());
        }
        return parts;
    }

    /** Address lines: name, street lines, town, county, postcode, country. */
    static List<String> address(JsonNode address) {
        List<String> lines = new ArrayList<>();
        if (address == null || !address.isObject()) {
            return lines;
        }
        for (String field : List.of("fullName", "addressLine1", "addressLine2", "city", "county", "postcode", "country")) {
            JsonNode value = address.get(field);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                lines.add(value.asString());
            }
        }
        return lines;
    }

    /** "Visa ending 4242 on 25 November 2026". */
    static String paidWith(Payment payment) {
        if (payment == null) {
            return "";
        }
        String method = payment.cardBrand() != null && payment.cardLast4() != null
                ? capitalise(payment.cardBrand()) + " ending " + payment.cardLast4()
                : payment.method() == null ? "card" : capitalise(payment.method());
        return method + " on " + date(payment.paidAt());
    }

    static String vatLabel(VatRate rate) {
        return "VAT at " + rate(rate.rate()) + " on " + money(rate.net());
    }

    private static String capitalise(String text) {
        String lower = text.toLowerCase(Locale.UK).replace('_', ' ');
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String join(String separator, String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                present.add(value);
            }
        }
        return String.join(separator, present);
    }
}
