package uk.co.lomashwood.order.invoice;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Line;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Supplier;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.VatRate;

import java.util.ArrayList;
import java.util.List;

import static uk.co.lomashwood.order.invoice.InvoiceText.money;
import static uk.co.lomashwood.order.invoice.PdfCanvas.LEFT;
import static uk.co.lomashwood.order.invoice.PdfCanvas.RIGHT;

/**
 * Renders an invoice or credit note as an A4 PDF with everything spec 20 §2.4.10 lists: supplier block with VAT and
 * company numbers, customer with billing and delivery addresses and email, order number, one line per item, the
 * delivery line, subtotal, discount, delivery, VAT per rate, gross total, amount paid with card and date, terms.
 */
@Component
public class InvoicePdf {

    private static final float[] COLUMNS = {300, 345, 400, 455, 500, RIGHT};
    private static final String[] HEADINGS = {"Qty", "Unit (net)", "Discount", "Net", "VAT %", "VAT"};

    public byte[] render(Invoice invoice) {
        Supplier from = invoice.billFrom();
        String footer = from.name() + " - Registered office: " + from.address() + " - Company no. " + from.companyNumber()
                + " - VAT reg. no. " + from.vatNumber();
        try (PdfCanvas pdf = new PdfCanvas(InvoiceText.title(invoice) + " " + invoice.invoiceNumber(), footer)) {
            header(pdf, invoice);
            parties(pdf, invoice);
            lines(pdf, invoice);
            totals(pdf, invoice);
            terms(pdf, invoice);
            return pdf.toPdf();
        }
    }

    private static void header(PdfCanvas pdf, Invoice invoice) {
        Supplier from = invoice.billFrom();
        pdf.text(LEFT, from.name(), 16, true);
        pdf.right(RIGHT, InvoiceText.title(invoice), 16, true);
        pdf.lines(LEFT, pdf.wrap(from.address(), 250, 9), 9, 12);
        pdf.down(12);
        pdf.text(LEFT, "VAT registration no. " + from.vatNumber(), 9, false);
        pdf.down(12);
        pdf.text(LEFT, "Company no. " + from.companyNumber(), 9, false);
        pdf.down(22);
        pdf.text(LEFT, InvoiceText.numberLabel(invoice) + ": " + invoice.invoiceNumber(), 11, true);
        pdf.right(RIGHT, "Date (tax point): " + InvoiceText.date(invoice.issuedAt()), 10, false);
        pdf.down(14);
        pdf.text(LEFT, "Order number: " + invoice.orderNumber(), 10, false);
        pdf.right(RIGHT, "Status: " + invoice.status(), 10, false);
        if (invoice.isCreditNote()) {
            pdf.down(14);
            pdf.text(LEFT, "Credit against invoice " + invoice.originalInvoiceNumber(), 10, true);
        }
    }

    private static void parties(PdfCanvas pdf, Invoice invoice) {
        pdf.down(26);
        pdf.text(LEFT, "Bill to", 10, true);
        pdf.text(300, "Deliver to", 10, true);
        List<String> billTo = new ArrayList<>();
        billTo.add(invoice.billTo().name());
        billTo.addAll(InvoiceText.address(invoice.billTo().address()));
        billTo.add(invoice.billTo().email());
        List<String> shipTo = InvoiceText.address(invoice.shipTo());
        for (int i = 0; i < Math.max(billTo.size(), shipTo.size()); i++) {
            pdf.down(12);
            if (i < billTo.size()) {
                pdf.text(LEFT, billTo.get(i), 9, false);
            }
            if (i < shipTo.size()) {
                pdf.text(300, shipTo.get(i), 9, false);
            }
        }
    }

    private static void lines(PdfCanvas pdf, Invoice invoice) {
        pdf.down(28);
        pdf.text(LEFT, "Description", 9, true);
        for (int c = 0; c < HEADINGS.length; c++) {
            pdf.right(COLUMNS[c], HEADINGS[c], 9, true);
        }
        pdf.rule();
        pdf.down(4);
        for (Line line : invoice.lineItems()) {
            pdf.down(14);
            String[] cells = {String.valueOf(line.quantity()), money(line.unitPrice()), money(line.discount()),
                    money(line.netTotal()), InvoiceText.rate(line.vatRate()), money(line.vatAmount())};
            List<String> description = InvoiceText.describe(line);
            List<String> first = pdf.wrap(description.getFirst(), 240, 9);
            pdf.text(LEFT, first.getFirst(), 9, false);
            for (int c = 0; c < cells.length; c++) {
                pdf.right(COLUMNS[c], cells[c], 9, false);
            }
            List<String> more = new ArrayList<>(first.subList(1, first.size()));
            description.stream().skip(1).forEach(more::add);
            pdf.lines(LEFT + 8, more, 8, 11);
        }
        pdf.rule();
    }

    private static void totals(PdfCanvas pdf, Invoice invoice) {
        float labelX = 330;
        pdf.down(20);
        total(pdf, labelX, invoice.isCreditNote() ? "Refunded net" : "Subtotal (items, net)", invoice.subtotal(), false);
        if (!invoice.isCreditNote()) {
            total(pdf, labelX, "Discount", -invoice.discountAmount(), false);
            total(pdf, labelX, "Delivery (net)", invoice.shippingAmount(), false);
        }
        for (VatRate rate : invoice.vatBreakdown()) {
            total(pdf, labelX, InvoiceText.vatLabel(rate), rate.vat(), false);
        }
        total(pdf, labelX, invoice.isCreditNote() ? "Refunded VAT" : "VAT total", invoice.taxAmount(), false);
        total(pdf, labelX, invoice.isCreditNote() ? "Total credited (GBP)" : "Total (GBP, incl. VAT)", invoice.totalAmount(), true);
        pdf.down(10);
        String paid = (invoice.isCreditNote() ? "Refunded " : "Amount paid ") + money(invoice.paidAmount())
                + (invoice.isCreditNote() ? " to " : " by ") + InvoiceText.paidWith(invoice.paymentSummary());
        pdf.down(14);
        pdf.text(LEFT, paid, 10, true);
    }

    private static void total(PdfCanvas pdf, float labelX, String label, long pence, boolean strong) {
        pdf.down(strong ? 16 : 13);
        pdf.text(labelX, label, strong ? 11 : 9, strong);
        pdf.right(RIGHT, money(pence), strong ? 11 : 9, strong);
    }

    private static void terms(PdfCanvas pdf, Invoice invoice) {
        List<String> text = new ArrayList<>();
        if (invoice.notes() != null) {
            text.addAll(pdf.wrap(invoice.notes(), RIGHT - LEFT, 9));
        }
        if (invoice.terms() != null) {
            text.addAll(pdf.wrap("Terms: " + invoice.terms(), RIGHT - LEFT, 9));
        }
        pdf.down(14);
        pdf.lines(LEFT, text, 9, 12);
    }
}
