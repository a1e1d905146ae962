package uk.co.lomashwood.order.invoice;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.platform.web.storage.ObjectStorage;

import java.time.Clock;
import java.util.UUID;

/**
 * The stored PDF of an invoice or credit note (private object {@code invoices/{YYYY}/{number}.pdf}). Rendering is
 * repeatable: the content comes from the frozen snapshot, so a re-render never changes number or figures.
 */
@Service
public class InvoiceDocuments {

    static final String PDF = "application/pdf";

    private final Invoices invoices;
    private final InvoicePdf pdf;
    private final ObjectStorage storage;
    private final Clock clock;

    public InvoiceDocuments(Invoices invoices, InvoicePdf pdf, ObjectStorage storage, Clock clock) {
        this.invoices = invoices;
        this.pdf = pdf;
        this.storage = storage;
        this.clock = clock;
    }

    /** Renders and stores the PDF (again, when it exists) and records its key. */
    @Transactional
    public Invoice render(UUID invoiceId) {
        Invoice invoice = invoices.find(invoiceId).orElseThrow(() -> new IllegalStateException("no invoice " + invoiceId));
        storage.put(invoice.storageKey(), pdf.render(invoice), PDF);
        invoices.markRendered(invoice.id(), invoice.storageKey(), clock.instant());
        return invoices.find(invoiceId).orElseThrow();
    }

    /** The stored key, rendering first when the asynchronous renderer has not got there yet. */
    public String ensureRendered(Invoice invoice) {
        if (invoice.pdfKey() != null && storage.exists(invoice.pdfKey())) {
            return invoice.pdfKey();
        }
        return render(invoice.id()).pdfKey();
    }
}
