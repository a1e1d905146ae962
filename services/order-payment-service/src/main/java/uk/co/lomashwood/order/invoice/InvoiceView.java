package uk.co.lomashwood.order.invoice;

import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Customer;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Supplier;
import uk.co.lomashwood.platform.core.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The Invoice resource: every column except {@code pdfKey}, amounts in pounds with {@code currency}. */
public record InvoiceView(UUID id, String invoiceNumber, String type, UUID orderId, String orderNumber, UUID userId,
                          UUID refundId, UUID originalInvoiceId, String originalInvoiceNumber, String status,
                          Money subtotal, Money discountAmount, Money shippingAmount, Money taxAmount, Money totalAmount,
                          Money paidAmount, String currency, Supplier billFrom, Customer billTo, JsonNode shipTo,
                          List<LineView> lineItems, List<VatRateView> vatBreakdown, PaymentView paymentSummary,
                          Instant issuedAt, LocalDate dueDate, Instant paidAt, Instant sentAt, Instant voidedAt,
                          String voidReason, boolean pdfAvailable, Instant pdfGeneratedAt, String notes, String terms,
                          JsonNode metadata, Instant createdAt, Instant updatedAt) {

    public record LineView(String kind, String description, String variantName, String colourName, String sku,
                           int quantity, Money unitPrice, Money discount, Money netTotal, BigDecimal vatRate,
                           Money vatAmount) {
    }

    public record VatRateView(BigDecimal rate, Money net, Money vat) {
    }

    public record PaymentView(String method, String cardBrand, String cardLast4, String stripeChargeId, Instant paidAt,
                              Money amount) {
    }

    static InvoiceView of(Invoice i) {
        var p = i.paymentSummary();
        return new InvoiceView(i.id(), i.invoiceNumber(), i.type(), i.orderId(), i.orderNumber(), i.userId(), i.refundId(),
                i.originalInvoiceId(), i.originalInvoiceNumber(), i.status(), m(i.subtotal()), m(i.discountAmount()),
                m(i.shippingAmount()), m(i.taxAmount()), m(i.totalAmount()), m(i.paidAmount()), i.currency(), i.billFrom(),
                i.billTo(), i.shipTo(),
                i.lineItems().stream().map(l -> new LineView(l.kind(), l.description(), l.variantName(), l.colourName(),
                        l.sku(), l.quantity(), m(l.unitPrice()), m(l.discount()), m(l.netTotal()), l.vatRate(),
                        m(l.vatAmount()))).toList(),
                i.vatBreakdown().stream().map(r -> new VatRateView(r.rate(), m(r.net()), m(r.vat()))).toList(),
                p == null ? null : new PaymentView(p.method(), p.cardBrand(), p.cardLast4(), p.stripeChargeId(), p.paidAt(),
                        m(p.amount())),
                i.issuedAt(), i.dueDate(), i.paidAt(), i.sentAt(), i.voidedAt(), i.voidReason(), i.pdfKey() != null,
                i.pdfGeneratedAt(), i.notes(), i.terms(), i.metadata(), i.createdAt(), i.updatedAt());
    }

    private static Money m(long pence) {
        return Money.ofPence(pence);
    }
}
