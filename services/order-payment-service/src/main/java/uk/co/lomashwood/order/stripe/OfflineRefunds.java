package uk.co.lomashwood.order.stripe;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static uk.co.lomashwood.order.stripe.OfflineChanges.noSuch;
import static uk.co.lomashwood.order.stripe.OfflineChanges.rejected;

/**
 * Refunds at the offline provider: created {@code pending} against a succeeded intent (never more than its
 * unrefunded amount, idempotent on the key, {@code refund.created}), then settled {@code succeeded} after the
 * settle delay with {@code charge.refunded} and {@code refund.updated}, as card refunds at Stripe are.
 */
final class OfflineRefunds {

    private static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");

    private final OfflineStripeStore store;
    private final OfflineWebhookDeliveries deliveries;
    private final OfflineChanges changes;
    private final Clock clock;
    private final Duration settleDelay;

    OfflineRefunds(OfflineStripeStore store, OfflineWebhookDeliveries deliveries, OfflineChanges changes, Clock clock,
                   Duration settleDelay) {
        this.store = store;
        this.deliveries = deliveries;
        this.changes = changes;
        this.clock = clock;
        this.settleDelay = settleDelay;
    }

    OfflineRefund create(PaymentGateway.CreateRefund request) {
        OfflineChanges.requireKey(request.idempotencyKey());
        if (request.reason() != null && !REASONS.contains(request.reason())) {
            throw rejected("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer");
        }
        return changes.apply(() -> {
            OfflineIntent intent = store.intent(request.paymentIntentId(), true)
                    .orElseThrow(() -> noSuch("payment_intent", request.paymentIntentId()));
            if (!intent.status().equals(OfflineIntent.SUCCEEDED)) {
                throw rejected("This PaymentIntent (" + intent.id() + ") does not have a successful charge to refund.");
            }
            long refundable = intent.amount() - store.refundsOf(intent.id()).stream()
                    .filter(r -> r.counts() && !r.idempotencyKey().equals(request.idempotencyKey()))
                    .mapToLong(OfflineRefund::amount).sum();
            long amount = request.amount() <= 0 ? refundable : request.amount();
            if (amount > refundable || amount <= 0) {
                throw rejected("Refund amount (" + amount + ") is greater than unrefunded amount on charge (" + refundable + ")");
            }
            String id = OfflineStripeObjects.id("re");
            OfflineRefund stored = store.insertOnce(new OfflineRefund(id, intent.id(), intent.chargeId(), request.idempotencyKey(),
                    amount, intent.currency(), OfflineRefund.PENDING, request.reason(), null,
                    request.metadata() == null ? Map.of() : request.metadata(), clock.instant()));
            if (stored.id().equals(id)) {
                deliveries.enqueue("refund.created", OfflineStripeObjects.refund(stored), request.idempotencyKey());
            }
            return stored;
        });
    }

    OfflineRefund retrieve(String refundId) {
        return store.refund(refundId, false).orElseThrow(() -> noSuch("refund", refundId));
    }

    /** Settles the pending refunds older than the settle delay; returns how many. Runs on the ticker's thread. */
    int settleDue() {
        return changes.inTransaction(() -> {
            int count = 0;
            for (OfflineRefund pending : store.pendingBefore(clock.instant().minus(settleDelay), 20)) {
                OfflineRefund refund = pending.succeeded();
                store.markSucceeded(refund, clock.instant());
                OfflineIntent intent = store.intent(refund.paymentIntentId(), true).orElseThrow().refunded(refund.amount());
                store.update(intent, clock.instant());
                deliveries.enqueue("charge.refunded", OfflineStripeObjects.charge(intent, store.refundsOf(intent.id()),
                        OfflinePaymentGateway.RECEIPT_URL_BASE), null);
                deliveries.enqueue("refund.updated", OfflineStripeObjects.refund(refund), null);
                count++;
            }
            return count;
        });
    }
}
