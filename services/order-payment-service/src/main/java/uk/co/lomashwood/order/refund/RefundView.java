package uk.co.lomashwood.order.refund;

import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.core.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The Refund resource of spec 20 (amounts in pounds with {@code currency}). */
public record RefundView(UUID id, UUID orderId, UUID paymentId, Money amount, String currency, String type, String reason,
                         String notes, RefundStatus status, String stripeRefundId, String initiator, String requestedBy,
                         List<ItemView> items, Instant processedAt, Instant settledAt, Instant failedAt,
                         Instant cancelledAt, String failureReason, int retryCount, UUID creditNoteId, JsonNode metadata,
                         Instant createdAt, Instant updatedAt) {

    public record ItemView(UUID orderItemId, int quantity, Money amount) {
    }

    static RefundView of(Refund r) {
        return new RefundView(r.id(), r.orderId(), r.paymentId(), Money.ofPence(r.amount()), r.currency(), r.type(),
                r.reason(), r.notes(), r.status(), r.stripeRefundId(), r.initiator(), r.requestedBy(),
                r.items().isEmpty() ? null : r.items().stream()
                        .map(i -> new ItemView(i.orderItemId(), i.quantity(), Money.ofPence(i.amount()))).toList(),
                r.processedAt(), r.settledAt(), r.failedAt(), r.cancelledAt(), r.failureReason(), r.retryCount(),
                r.creditNoteId(), r.metadata(), r.createdAt(), r.updatedAt());
    }
}
