package uk.co.lomashwood.order.order;

import uk.co.lomashwood.order.refund.RefundSettlement;
import uk.co.lomashwood.order.refund.SystemRefunds;
import uk.co.lomashwood.order.stripe.PaymentGateway;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-scope stand-in for the refund feature's ports until their implementation reaches main (OP.md): records the
 * system refunds orders ask for. Drop it when {@code refund.SystemRefunds} has a real bean.
 */
public class RecordingRefunds implements SystemRefunds, RefundSettlement {

    public final List<String> refunds = new CopyOnWriteArrayList<>();

    @Override
    public Optional<UUID> refundRemaining(UUID orderId, String reason) {
        refunds.add(orderId + ":" + reason);
        return Optional.of(UUID.randomUUID());
    }

    @Override
    public void apply(PaymentGateway.Refund refund, String stripeEventId) {
        // no refunds are made in the order tests
    }
}
