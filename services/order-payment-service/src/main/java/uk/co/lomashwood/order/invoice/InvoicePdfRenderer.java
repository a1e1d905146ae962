package uk.co.lomashwood.order.invoice;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.util.Set;
import java.util.UUID;

/**
 * {@code order.invoice.generated} → render and store the PDF (spec 20 §2.6 invoice-pdf-renderer). A failure is
 * retried by the platform (3 attempts) and then dead-lettered; a download still renders on demand meanwhile.
 */
@Component
public class InvoicePdfRenderer implements EventHandler {

    record Generated(UUID invoiceId) {
    }

    private final InvoiceDocuments documents;
    private final Invoices invoices;

    public InvoicePdfRenderer(InvoiceDocuments documents, Invoices invoices) {
        this.documents = documents;
        this.invoices = invoices;
    }

    @Override
    public Set<String> topics() {
        return Set.of("order.invoice.generated");
    }

    @Override
    public void handle(EventEnvelope event) {
        UUID invoiceId = event.dataAs(Generated.class).invoiceId();
        if (invoiceId != null && invoices.find(invoiceId).isPresent()) {
            documents.render(invoiceId);
        }
    }
}
