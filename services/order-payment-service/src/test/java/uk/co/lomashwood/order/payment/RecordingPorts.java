package uk.co.lomashwood.order.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import uk.co.lomashwood.order.refund.RefundSettlement;
import uk.co.lomashwood.order.refund.SystemRefunds;
import uk.co.lomashwood.order.stripe.PaymentGateway;

/**
 * Test stand-in for the refund ports until the invoice/refund helper's implementations reach main: records every
 * call so tests can see what the payment handlers asked for.
 */
public class RecordingPorts implements SystemRefunds, RefundSettlement {

    public final List<UUID> refundedOrders = new CopyOnWriteArrayList<>();
    public final List<String> refundReasons = new CopyOnWriteArrayList<>();
    public final List<PaymentGateway.Refund> settled = new CopyOnWriteArrayList<>();

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
}
