package uk.co.lomashwood.order.refund;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of {@code refunds} plus the id of its credit note, if issued. */
public record Refund(UUID id, UUID orderId, UUID paymentId, long amount, String currency, String type, String reason,
                     String notes, RefundStatus status, String stripeRefundId, String initiator, String requestedBy,
                     List<Item> items, String idempotencyKey, Instant processedAt, Instant settledAt, Instant failedAt,
                     Instant cancelledAt, UUID cancelledBy, String failureReason, int retryCount, Instant lastRetriedAt,
                     UUID lastRetriedBy, JsonNode metadata, UUID creditNoteId, Instant createdAt, Instant updatedAt) {

    /** A refunded order line: quantity and amount in pence (net after its discount share, plus VAT). */
    public record Item(UUID orderItemId, int quantity, long amount) {
    }

    /** The Stripe idempotency key of the current submission: {@code refund:{id}}, then one per retry. */
    String stripeIdempotencyKey() {
        return retryCount == 0 ? "refund:" + id : "refund:" + id + ":retry-" + retryCount;
    }
}
