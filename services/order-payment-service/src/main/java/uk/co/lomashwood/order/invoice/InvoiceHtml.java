package uk.co.lomashwood.order.invoice;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Line;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Supplier;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.VatRate;

import java.util.List;

import static uk.co.lomashwood.order.invoice.InvoiceText.money;

/** The same document as {@link InvoicePdf}, as a self-contained HTML page ({@code format=html}); every value escaped. */
@Component
public class InvoiceHtml {

    public String render(Invoice invoice) {
        Supplier from = invoice.billFrom();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
                .append(e(InvoiceText.title(invoice) + " " + invoice.invoiceNumber())).append("</title><style>")
                .append("body{font-family:Helvetica,Arial,sans-serif;font-size:14px;margin:32px}")
                .append("table{border-collapse:collapse;width:100%}th,td{padding:4px 6px;border-bottom:1px solid #ddd}")
                .append("td.n,th.n{text-align:right}</style></head><body>");
        html.append("<h1>").append(e(InvoiceText.title(invoice))).append("</h1>");
        html.append("<p><strong>").append(e(from.name())).append("</strong><br>").append(e(from.address()))
                .append("<br>VAT registration no. ").append(e(from.vatNumber())).append("<br>Company no. ")
                .append(e(from.companyNumber())).append("</p>");
        html.append("<p>").append(e(InvoiceText.numberLabel(invoice))).append(": <strong>").append(e(invoice.invoiceNumber()))
                .append("</strong><br>Date (tax point): ").append(e(InvoiceText.date(invoice.issuedAt())))
                .append("<br>Order number: ").append(e(invoice.orderNumber()));
        if (invoice.isCreditNote()) {
            html.append("<br>Credit against invoice ").append(e(invoice.originalInvoiceNumber()));
        }
        html.append("</p><p><strong>Bill to</strong><br>").append(e(invoice.billTo().name())).append("<br>");
        lines(html, InvoiceText.address(invoice.billTo().address()));
        html.append(e(invoice.billTo().email())).append("</p><p><strong>Deliver to</strong><br>");
        lines(html, InvoiceText.address(invoice.shipTo()));
        html.append("</p><table><thead><tr><th>Description</th><th class=\"n\">Qty</th><th class=\"n\">Unit (net)</th>")
                .append("<th class=\"n\">Discount</th><th class=\"n\">Net</th><th class=\"n\">VAT %</th><th class=\"n\">VAT</th>")
                .append("</tr></thead><tbody>");
        for (Line line : invoice.lineItems()) {
            html.append("<tr><td>").append(String.join("<br>", InvoiceText.describe(line).stream().map(InvoiceHtml::e).toList()))
                    .append("</td>");
            cell(html, String.valueOf(line.quantity()));
            cell(html, money(line.unitPrice()));
            cell(html, money(line.discount()));
            cell(html, money(line.netTotal()));
            cell(html, InvoiceText.rate(line.vatRate()));
            cell(html, money(line.vatAmount()));
            html.append("</tr>");
        }
        html.append("</tbody></table><table>");
        row(html, invoice.isCreditNote() ? "Refunded net" : "Subtotal (items, net)", invoice.subtotal());
        if (!invoice.isCreditNote()) {
            row(html, "Discount", -invoice.discountAmount());
            row(html, "Delivery (net)", invoice.shippingAmount());
        }
        for (VatRate rate : invoice.vatBreakdown()) {
            row(html, InvoiceText.vatLabel(rate), rate.vat());
        }
        row(html, invoice.isCreditNote() ? "Refunded VAT" : "VAT total", invoice.taxAmount());
        row(html, invoice.isCreditNote() ? "Total credited (GBP)" : "Total (GBP, incl. VAT)", invoice.totalAmount());
        html.append("</table><p><strong>").append(invoice.isCreditNote() ? "Refunded " : "Amount paid ")
                .append(e(money(invoice.paidAmount()))).append(invoice.isCreditNote() ? " to " : " by ")
                .append(e(InvoiceText.paidWith(invoice.paymentSummary()))).append("</strong></p>");
        if (invoice.notes() != null) {
            html.append("<p>").append(e(invoice.notes())).append("</p>");
        }
        html.append("<p>Terms: ").append(e(invoice.terms())).append("</p></body></html>");
        return html.toString();
    }

    private static void lines(StringBuilder html, List<String> lines) {
        lines.forEach(line -> html.append(e(line)).append("<br>"));
    }

    private static void cell(StringBuilder html, String value) {
        html.append("<td class=\"n\">").append(e(value)).append("</td>");
    }

    private static void row(StringBuilder html, String label, long pence) {
        html.append("<tr><td>").append(e(label)).append("</td><td class=\"n\">").append(e(money(pence))).append("</td></tr>");
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
