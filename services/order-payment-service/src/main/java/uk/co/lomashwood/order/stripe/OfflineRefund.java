package uk.co.lomashwood.order.stripe;

import java.time.Instant;
import java.util.Map;

/** A refund as the offline provider keeps it (one row of {@code offline_refunds}); pending until settled. */
record OfflineRefund(String id, String paymentIntentId, String chargeId, String idempotencyKey, long amount,
                     String currency, String status, String reason, String failureReason, Map<String, String> metadata,
                     Instant createdAt) {

    static final String PENDING = "pending";
    static final String SUCCEEDED = "succeeded";

    boolean counts() {
        return status.equals(PENDING) || status.equals(SUCCEEDED);
    }

    OfflineRefund succeeded() {
        return new OfflineRefund(id, paymentIntentId, chargeId, idempotencyKey, amount, currency, SUCCEEDED, reason,
                failureReason, metadata, createdAt);
    }

    PaymentGateway.Refund view() {
        return new PaymentGateway.Refund(id, paymentIntentId, chargeId, amount, currency, status, failureReason, metadata);
    }
}
