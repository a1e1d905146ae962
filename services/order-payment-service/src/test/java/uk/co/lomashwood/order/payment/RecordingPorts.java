package uk.co.lomashwood.order.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import uk.co.lomashwood.order.invoice.Invoicing;
import uk.co.lomashwood.order.refund.RefundSettlement;
import uk.co.lomashwood.order.refund.SystemRefunds;
import uk.co.lomashwood.order.stripe.PaymentGateway;

/**
 * Test stand-ins for the invoice and refund ports (the invoice/refund helper's implementations are not in main
 * yet): they record every call so tests can count them.
 */
public class RecordingPorts implements Invoicing, SystemRefunds, RefundSettlement {

    public final List<UUID> invoicedOrders = new CopyOnWriteArrayList<>();
    public final List<UUID> refundedOrders = new CopyOnWriteArrayList<>();
    public final List<String> refundReasons = new CopyOnWriteArrayList<>();
    public final List<PaymentGateway.Refund> settled = new CopyOnWriteArrayList<>();
    /** While set, issuing an invoice throws (a handler error). */
    public final AtomicBoolean invoicingBroken = new AtomicBoolean();

    @Override
    public UUID issueInvoiceForPaidOrder(UUID orderId) {
        if (invoicingBroken.get()) {
            throw new IllegalStateException("invoice store unavailable");
        }
        invoicedOrders.add(orderId);
        return UUID.nameUUIDFromBytes(("invoice:" + orderId).getBytes());
    }

    @Override
    public UUID issueCreditNote(UUID refundId) {
        return UUID.nameUUIDFromBytes(("credit:" + refundId).getBytes());
    }

    @Override
    public Optional<UUID> refundRemaining(UUID orderId, String reason) {
        refundedOrders.add(orderId);
        refundReasons.add(reason);
        return Optional.of(UUID.randomUUID());
    }

    @Override
    public void apply(PaymentGateway.Refund refund, String stripeEventId) {
        settled.add(refund);
    }

    public long invoicesFor(UUID orderId) {
        return invoicedOrders.stream().filter(orderId::equals).count();
    }
}
