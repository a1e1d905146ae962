package uk.co.lomashwood.order.invoice;

import java.util.UUID;

/**
 * Numbering and issuing of VAT invoices and credit notes (spec 20 §2.4.10), called inside the payment and
 * refund transactions. Both are idempotent: a second call returns the document already issued.
 */
public interface Invoicing {

    /** The PAID invoice of a paid order, numbered {@code INV-YYYY-NNNN}; emits {@code order.invoice.generated}. */
    UUID issueInvoiceForPaidOrder(UUID orderId);

    /** The credit note of a succeeded refund, numbered {@code CN-YYYY-NNNN}; emits {@code order.invoice.generated}. */
    UUID issueCreditNote(UUID refundId);
}
