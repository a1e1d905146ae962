package uk.co.lomashwood.order.invoice;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Customer;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Line;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Payment;
import uk.co.lomashwood.order.invoice.PaidOrders.PaidOrder;
import uk.co.lomashwood.order.numbering.NumberSequences;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.id.Uuids;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues VAT invoices and credit notes (spec 20 §2.4.10) inside the caller's transaction: the order row is locked,
 * so concurrent callers queue and the second finds the first's document; numbers come from the gap-free sequence.
 */
@Service
public class InvoiceIssuing implements Invoicing {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final PaidOrders orders;
    private final Invoices invoices;
    private final CreditLines creditLines;
    private final NumberSequences numbers;
    private final CompanyDetails company;
    private final OutboxPublisher outbox;
    private final Clock clock;

    public InvoiceIssuing(PaidOrders orders, Invoices invoices, CreditLines creditLines, NumberSequences numbers,
                          CompanyDetails company, OutboxPublisher outbox, Clock clock) {
        this.orders = orders;
        this.invoices = invoices;
        this.creditLines = creditLines;
        this.numbers = numbers;
        this.company = company;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID issueInvoiceForPaidOrder(UUID orderId) {
        return issue(orderId).id();
    }

    /** The live invoice of the order and whether this call created it; 409 ORDER_NOT_PAID before any payment. */
    @Transactional
    public Issued issue(UUID orderId) {
        PaidOrder order = orders.lock(orderId)
                .orElseThrow(() -> new ApiException(ErrorCode.ORDER_NOT_FOUND, "No such order."));
        Optional<UUID> existing = invoices.liveInvoiceId(orderId);
        if (existing.isPresent()) {
            return new Issued(existing.get(), false);
        }
        Optional<Payment> captured = orders.capturedPayment(orderId);
        if (captured.isEmpty() && !PaidOrders.PAID_STATES.contains(order.paymentStatus())) {
            throw new ApiException(ErrorCode.ORDER_NOT_PAID, "The order has not been paid, so it has no invoice yet.");
        }
        Instant paidAt = captured.map(Payment::paidAt)
                .orElse(order.confirmedAt() != null ? order.confirmedAt() : clock.instant());
        Payment payment = captured.map(p -> new Payment(p.method(), p.cardBrand(), p.cardLast4(), p.stripeChargeId(), paidAt,
                order.totalAmount())).orElse(new Payment(null, null, null, null, paidAt, order.totalAmount()));
        List<Line> lines = new ArrayList<>(orders.itemLines(orderId));
        lines.add(PaidOrders.deliveryLine(order, lines));
        Invoice invoice = new Invoice(Uuids.v7(), numbers.nextInvoiceNumber(), Invoice.INVOICE, orderId,
                order.orderNumber(), order.userId(), null, null, null, "PAID", order.subtotal(), order.discountAmount(),
                order.shippingAmount(), order.taxAmount(), order.totalAmount(), order.totalAmount(), order.currency(),
                company.supplier(), customer(order), order.shippingAddress(), lines, VatBreakdown.of(lines), payment,
                paidAt, LocalDate.ofInstant(paidAt, LONDON), paidAt, null, null, null, null, null, null,
                company.invoiceTerms(), null, null, null);
        invoices.insert(invoice);
        published(invoice);
        return new Issued(invoice.id(), true);
    }

    @Override
    @Transactional
    public UUID issueCreditNote(UUID refundId) {
        Optional<UUID> existing = invoices.creditNoteId(refundId);
        if (existing.isPresent()) {
            return existing.get();
        }
        CreditLines.SettledRefund refund = creditLines.refund(refundId)
                .orElseThrow(() -> new IllegalStateException("no refund " + refundId));
        UUID originalId = issueInvoiceForPaidOrder(refund.orderId());
        existing = invoices.creditNoteId(refundId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Invoice original = invoices.find(originalId).orElseThrow();
        List<Line> lines = creditLines.lines(refund, original);
        long net = lines.stream().mapToLong(Line::netTotal).sum();
        long vat = lines.stream().mapToLong(Line::vatAmount).sum();
        Instant settledAt = refund.settledAt() != null ? refund.settledAt() : clock.instant();
        Payment was = original.paymentSummary();
        Payment returned = new Payment("REFUND", was == null ? null : was.cardBrand(), was == null ? null : was.cardLast4(),
                was == null ? null : was.stripeChargeId(), settledAt, refund.amount());
        Invoice note = new Invoice(Uuids.v7(), numbers.nextCreditNoteNumber(), Invoice.CREDIT_NOTE, refund.orderId(),
                original.orderNumber(), original.userId(), refundId, original.id(), original.invoiceNumber(), "PAID", net, 0,
                0, vat, refund.amount(), refund.amount(), original.currency(), company.supplier(), original.billTo(),
                original.shipTo(), lines, VatBreakdown.of(lines), returned, settledAt,
                LocalDate.ofInstant(settledAt, LONDON), settledAt, null, null, null, null, null,
                "Credit for refund of " + Money.ofPence(refund.amount()) + " against invoice " + original.invoiceNumber()
                        + " (" + refund.reason() + ").", company.invoiceTerms(), null, null, null);
        invoices.insert(note);
        published(note);
        return note.id();
    }

    private void published(Invoice invoice) {
        outbox.publish("order.invoice.generated", invoice.orderId().toString(), new InvoiceGenerated(invoice.id(),
                invoice.invoiceNumber(), invoice.type(), invoice.orderId(), invoice.orderNumber(), invoice.userId(),
                Money.ofPence(invoice.totalAmount()), invoice.currency(), invoice.issuedAt()));
    }

    private static Customer customer(PaidOrder order) {
        return new Customer(order.customerName(), order.customerEmail(), order.customerPhone(), order.billingAddress());
    }

    public record Issued(UUID id, boolean created) {
    }

    /** {@code order.invoice.generated} (spec 00 §4.7). */
    record InvoiceGenerated(UUID invoiceId, String invoiceNumber, String type, UUID orderId, String orderNumber,
                            UUID userId, Money totalAmount, String currency, Instant issuedAt) {
    }
}
