package uk.co.lomashwood.order.order;

import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-scope stand-in for the payment feature's {@link OrderPayments} until its implementation reaches main
 * (OP.md): hands out a client secret, or fails like an unreachable gateway, and records cancellations and refunds.
 */
public class FakeOrderPayments implements OrderPayments {

    public volatile boolean gatewayDown;
    public final List<String> cancellations = new CopyOnWriteArrayList<>();
    public final List<UUID> refundedOrders = new CopyOnWriteArrayList<>();

    @Override
    public PaymentStart startFirstAttempt(UUID orderId) {
        if (gatewayDown) {
            throw new ApiException(ErrorCode.PAYMENT_GATEWAY_ERROR, "The payment provider is unavailable.");
        }
        String intent = "pi_test_" + orderId.toString().replace("-", "").substring(0, 20);
        return new PaymentStart(UUID.nameUUIDFromBytes(orderId.toString().getBytes()), intent,
                intent + "_secret_test", "pk_test_offline");
    }

    @Override
    public void cancelOpenAttempts(UUID orderId, String cancellationSource) {
        cancellations.add(orderId + ":" + cancellationSource);
    }

    @Override
    public Optional<UUID> refundRemaining(UUID orderId, String reason, String initiator, String requestedBy) {
        refundedOrders.add(orderId);
        return Optional.of(UUID.randomUUID());
    }
}
