package uk.co.lomashwood.order.order;

import java.util.Optional;
import java.util.UUID;

/**
 * What the order lifecycle needs from payments (implemented in the payment feature, so that orders never
 * depend on payments and refunds).
 */
public interface OrderPayments {

    /**
     * Opens attempt 1 and its PaymentIntent for a freshly committed order (spec 20 §2.4.2 f). When the provider
     * fails the attempt is stored FAILED ({@code gateway_error}) and an {@code ApiException(PAYMENT_GATEWAY_ERROR)}
     * carrying the orderId is thrown.
     */
    PaymentStart startFirstAttempt(UUID orderId);

    /** Cancels every open intent of the order at the provider (cancellationSource CUSTOMER, ADMIN, EXPIRY …). */
    void cancelOpenAttempts(UUID orderId, String cancellationSource);

    /**
     * Refunds whatever remains refundable on the order (SYSTEM refunds: no window), inside the caller's
     * transaction as far as the database goes; empty when no money was taken.
     */
    Optional<UUID> refundRemaining(UUID orderId, String reason, String initiator, String requestedBy);

    record PaymentStart(UUID paymentId, String paymentIntentId, String clientSecret, String publishableKey) {
    }
}
