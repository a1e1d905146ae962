package uk.co.lomashwood.order.invoice;

import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Customer;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Line;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Payment;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Supplier;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.VatRate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One row of {@code invoices} (an invoice or a credit note) with its order number and, for credit notes, the original's number. */
public record Invoice(UUID id, String invoiceNumber, String type, UUID orderId, String orderNumber, UUID userId,
                      UUID refundId, UUID originalInvoiceId, String originalInvoiceNumber, String status, long subtotal,
                      long discountAmount, long shippingAmount, long taxAmount, long totalAmount, long paidAmount,
                      String currency, Supplier billFrom, Customer billTo, JsonNode shipTo, List<Line> lineItems,
                      List<VatRate> vatBreakdown, Payment paymentSummary, Instant issuedAt, LocalDate dueDate,
                      Instant paidAt, Instant sentAt, Instant voidedAt, String voidReason, String pdfKey,
                      Instant pdfGeneratedAt, String notes, String terms, JsonNode metadata, Instant createdAt,
                      Instant updatedAt) {

    public static final String INVOICE = "INVOICE";
    public static final String CREDIT_NOTE = "CREDIT_NOTE";

    public boolean isCreditNote() {
        return CREDIT_NOTE.equals(type);
    }

    public boolean isVoid() {
        return "VOID".equals(status);
    }

    /** Private object key {@code invoices/{YYYY}/{invoiceNumber}.pdf}; the year is the number's. */
    public String storageKey() {
        String year = invoiceNumber.split("-")[1];
        return "invoices/" + year + "/" + invoiceNumber + ".pdf";
    }
}
