package uk.co.lomashwood.order.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/** Admin work on invoices: the table, backfill, send, void (spec 20 Invoices endpoints). */
@Service
public class InvoiceAdministration {

    private static final Set<String> VOIDABLE = Set.of("DRAFT", "ISSUED", "OVERDUE");

    private final Invoices invoices;
    private final InvoiceIssuing issuing;
    private final JdbcClient jdbc;
    private final OutboxPublisher outbox;
    private final Clock clock;

    public InvoiceAdministration(Invoices invoices, InvoiceIssuing issuing, JdbcClient jdbc, OutboxPublisher outbox,
                                 Clock clock) {
        this.invoices = invoices;
        this.issuing = issuing;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    OffsetPage<InvoiceView> table(InvoiceFilter filter, PageRequest page) {
        return new OffsetPage<>(invoices.page(filter.where(), filter.params(), filter.orderBy(), page.limit(), page.offset())
                .stream().map(InvoiceView::of).toList(), page.page(), page.limit(), invoices.count(filter.where(), filter.params()));
    }

    /** Backfills the invoice of a paid order; the body names the order, so an unknown one is 422. */
    @Transactional
    public InvoiceIssuing.Issued generate(UUID orderId) {
        boolean exists = jdbc.sql("SELECT count(*) FROM orders WHERE id = ? AND deleted_at IS NULL").param(orderId)
                .query(Integer.class).single() > 0;
        if (!exists) {
            throw ApiException.reference(ErrorCode.ORDER_NOT_FOUND, "No order with this orderId.");
        }
        return issuing.issue(orderId);
    }

    /** {@code order.invoice.sent} to notification-service, addressed to {@code email} or the customer's address. */
    @Transactional
    public Invoice send(UUID id, String email) {
        Invoice invoice = invoices.find(id).orElseThrow(InvoiceAccess::notFound);
        if (invoice.isVoid()) {
            throw new ApiException(ErrorCode.INVOICE_VOIDED, "A voided invoice cannot be sent.");
        }
        String to = email != null && !email.isBlank() ? email.trim() : invoice.billTo().email();
        invoices.markSent(id, clock.instant());
        outbox.publish("order.invoice.sent", invoice.orderId().toString(), new InvoiceSent(invoice.id(),
                invoice.invoiceNumber(), invoice.orderId(), invoice.orderNumber(), invoice.userId(), to));
        return invoice;
    }

    /** Only unpaid documents are voided; paid ones are corrected with a credit note. */
    @Transactional
    public Invoice voidInvoice(UUID id, String reason) {
        Invoice invoice = invoices.find(id).orElseThrow(InvoiceAccess::notFound);
        if (!VOIDABLE.contains(invoice.status())
                || !invoices.markVoid(id, invoice.status(), reason.trim(), clock.instant())) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "An invoice in status " + invoice.status()
                    + " cannot be voided; correct a paid invoice with a credit note.");
        }
        return invoices.find(id).orElseThrow();
    }

    /** {@code order.invoice.sent} (spec 00 §4.7) plus the order number the notification email shows. */
    record InvoiceSent(UUID invoiceId, String invoiceNumber, UUID orderId, String orderNumber, UUID userId, String email) {
    }
}
