package uk.co.lomashwood.order.refund;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.order.invoice.Invoicing;
import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies the provider's view of a refund (spec 20 §2.4.6 refund.updated / charge.refunded). The order row is locked
 * first, then the refund's; a status the refund already has, or an older one, changes nothing, so repeated and
 * out-of-order deliveries are harmless and SUCCEEDED is applied exactly once.
 */
@Service
public class RefundSettlementService implements RefundSettlement {

    private static final Logger log = LoggerFactory.getLogger(RefundSettlementService.class);

    private final Refunds refunds;
    private final RefundableOrders orders;
    private final RefundMoney money;
    private final Invoicing invoicing;
    private final RefundEvents events;
    private final JdbcClient jdbc;
    private final Clock clock;

    public RefundSettlementService(Refunds refunds, RefundableOrders orders, RefundMoney money, Invoicing invoicing,
                                   RefundEvents events, JdbcClient jdbc, Clock clock) {
        this.refunds = refunds;
        this.orders = orders;
        this.money = money;
        this.invoicing = invoicing;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void apply(PaymentGateway.Refund provider, String stripeEventId) {
        Optional<UUID> orderId = find(provider).map(Refund::orderId).or(() -> paymentOf(provider).map(Payment::orderId));
        if (orderId.isEmpty()) {
            log.warn("refund {} belongs to no payment of ours; ignored", provider.id());
            return;
        }
        OrderFunds before = orders.lock(orderId.get()).orElseThrow();
        Refund found = find(provider).orElseGet(() -> recordDashboardRefund(provider, before));
        Refund refund = refunds.lock(found.id()).orElseThrow();
        if (refund.stripeRefundId() == null) {
            refunds.attachStripeId(refund.id(), provider.id());
        } else if (!refund.stripeRefundId().equals(provider.id())) {
            log.info("refund {} is now Stripe refund {}; news of superseded {} ignored", refund.id(), refund.stripeRefundId(),
                    provider.id());
            return;
        }
        RefundStatus next = RefundStatus.fromStripe(provider.status());
        if (!refund.status().providerMayMoveTo(next)) {
            return;
        }
        Instant now = clock.instant();
        String failure = provider.failureReason() == null ? "declined by the payment provider" : provider.failureReason();
        refunds.moveTo(refund.id(), next, now, failure);
        Refund moved = refunds.find(refund.id()).orElseThrow();
        if (next == RefundStatus.SUCCEEDED) {
            OrderFunds after = money.applySettled(moved, stripeEventId == null ? "system" : "stripe", now);
            UUID creditNoteId = invoicing.issueCreditNote(moved.id());
            events.issued(moved, after, creditNoteId, now);
        } else if (next == RefundStatus.FAILED) {
            events.failed(moved, before.orderNumber(), failure);
        }
    }

    private Optional<Refund> find(PaymentGateway.Refund provider) {
        return refunds.findByStripeId(provider.id()).or(() -> ourRefundId(provider).flatMap(refunds::find));
    }

    private static Optional<UUID> ourRefundId(PaymentGateway.Refund provider) {
        String id = provider.metadata() == null ? null : provider.metadata().get("refundId");
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record Payment(UUID id, UUID orderId) {
    }

    private Optional<Payment> paymentOf(PaymentGateway.Refund provider) {
        return jdbc.sql("""
                        SELECT id, order_id FROM payments
                         WHERE stripe_payment_intent_id = :intent OR (CAST(:charge AS text) IS NOT NULL AND stripe_charge_id = :charge)
                         ORDER BY succeeded_at DESC NULLS LAST LIMIT 1""")
                .param("intent", provider.paymentIntentId()).param("charge", provider.chargeId())
                .query((rs, n) -> new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class)))
                .optional();
    }

    /** A refund made in the Stripe dashboard: recorded as ADMIN / OTHER (ours), then settled like any other. */
    private Refund recordDashboardRefund(PaymentGateway.Refund provider, OrderFunds funds) {
        UUID paymentId = paymentOf(provider).map(Payment::id).orElseThrow();
        String type = funds.committed() == 0 && provider.amount() >= funds.amountPaid() ? "FULL" : "PARTIAL";
        Refund refund = new Refund(Uuids.v7(), funds.orderId(), paymentId, provider.amount(), "GBP", type,
                RefundReason.OTHER.name(), "Refund made in the Stripe dashboard", RefundStatus.PENDING, provider.id(),
                "ADMIN", "stripe-dashboard", null, null, null, null, null, null, null, null, 0, null, null,
                null, null, clock.instant(), null);
        refunds.insert(refund);
        log.info("recorded refund {} made outside the service for order {}", provider.id(), funds.orderNumber());
        return refund;
    }

    static Map<String, String> metadata(Refund refund) {
        return Map.of("refundId", refund.id().toString(), "orderId", refund.orderId().toString());
    }
}
