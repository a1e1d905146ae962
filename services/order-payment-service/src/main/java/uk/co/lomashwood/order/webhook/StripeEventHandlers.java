package uk.co.lomashwood.order.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import uk.co.lomashwood.order.payment.Disputes;
import uk.co.lomashwood.order.payment.IntentTransitions;
import uk.co.lomashwood.order.payment.OrderLedger;
import uk.co.lomashwood.order.payment.PaymentRow;
import uk.co.lomashwood.order.payment.PaymentStore;
import uk.co.lomashwood.order.refund.RefundSettlement;
import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.order.stripe.StripeEvent;

/**
 * The event table of spec 20 §2.4.6. Each handler first reads what it needs from the provider (intents and refunds
 * are re-read, never trusted from the event snapshot) and returns the database step, which the caller runs in one
 * transaction with the order row locked.
 */
@Component
public class StripeEventHandlers {

    static final Set<String> HANDLED = Set.of("payment_intent.succeeded", "payment_intent.payment_failed",
            "payment_intent.processing", "payment_intent.requires_action", "payment_intent.canceled",
            "charge.refunded", "refund.created", "refund.updated", "charge.dispute.created", "charge.dispute.updated",
            "charge.dispute.closed");
    private static final Logger log = LoggerFactory.getLogger(StripeEventHandlers.class);

    private final PaymentGateway gateway;
    private final IntentTransitions transitions;
    private final RefundSettlement refundSettlement;
    private final Disputes disputes;
    private final PaymentStore payments;
    private final OrderLedger orders;

    public StripeEventHandlers(PaymentGateway gateway, IntentTransitions transitions, RefundSettlement refundSettlement,
                               Disputes disputes, PaymentStore payments, OrderLedger orders) {
        this.gateway = gateway;
        this.transitions = transitions;
        this.refundSettlement = refundSettlement;
        this.disputes = disputes;
        this.payments = payments;
        this.orders = orders;
    }

    /** The database work of one event; runs inside the webhook transaction. */
    @FunctionalInterface
    public interface Step {
        void apply();
    }

    public boolean handles(String type) {
        return HANDLED.contains(type);
    }

    /** Provider reads happen here, outside the transaction; the returned step does the rest. */
    public Step prepare(StripeEvent event) {
        JsonNode object = event.object();
        return switch (event.type()) {
            case "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.processing",
                 "payment_intent.requires_action", "payment_intent.canceled" -> {
                PaymentGateway.Intent intent = gateway.retrieveIntent(text(object, "id"));
                yield () -> transitions.apply(intent, event.id());
            }
            case "charge.refunded" -> refunds(event, refundIdsOf(object), text(object, "payment_intent"));
            case "refund.created", "refund.updated" ->
                    refunds(event, List.of(text(object, "id")), text(object, "payment_intent"));
            case "charge.dispute.created" -> () -> disputes.opened(dispute(object));
            case "charge.dispute.updated" -> () -> disputes.updated(dispute(object));
            case "charge.dispute.closed" -> () -> disputes.closed(dispute(object));
            default -> () -> { };
        };
    }

    private Step refunds(StripeEvent event, List<String> refundIds, String paymentIntentId) {
        List<PaymentGateway.Refund> current = new ArrayList<>();
        for (String id : refundIds) {
            current.add(gateway.retrieveRefund(id));
        }
        return () -> {
            String intentId = paymentIntentId != null ? paymentIntentId
                    : current.stream().map(PaymentGateway.Refund::paymentIntentId).filter(s -> s != null).findFirst()
                    .orElse(null);
            Optional<UUID> orderId = Optional.ofNullable(intentId).flatMap(payments::findByIntent)
                    .map(PaymentRow::orderId);
            if (orderId.isEmpty()) {
                log.info("{} concerns no payment of ours; ignored", event.type());
                return;
            }
            orders.lock(orderId.get());
            for (PaymentGateway.Refund refund : current) {
                refundSettlement.apply(refund, event.id());
            }
        };
    }

    private static List<String> refundIdsOf(JsonNode charge) {
        List<String> ids = new ArrayList<>();
        for (JsonNode refund : charge.path("refunds").path("data")) {
            String id = text(refund, "id");
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Disputes.Dispute dispute(JsonNode object) {
        JsonNode due = object.path("evidence_details").path("due_by");
        return new Disputes.Dispute(text(object, "id"), text(object, "charge"), text(object, "payment_intent"),
                object.path("amount").asLong(0), text(object, "reason"), text(object, "status"),
                due.isNumber() ? Instant.ofEpochSecond(due.asLong()) : null);
    }

    /** A string member, or null when missing or null (Stripe expands some ids into objects: their id is used). */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isObject()) {
            value = value.path("id");
        }
        return value.isString() ? value.asString() : null;
    }
}
