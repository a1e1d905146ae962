package uk.co.lomashwood.order.payment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.co.lomashwood.order.order.OrderPaymentStatus;

/**
 * {@code charge.dispute.created/updated/closed} (spec 20 §2.4.6): DISPUTED while open, the previous payment status
 * back when the dispute is won, CHARGED_BACK plus a CHARGEBACK transaction when it is lost. The statuses before the
 * dispute are kept in the payment's metadata.
 */
@Component
public class Disputes {

    private static final Logger log = LoggerFactory.getLogger(Disputes.class);
    private static final String ACTOR = "stripe";

    private final PaymentStore payments;
    private final OrderLedger orders;
    private final PaymentEvents events;
    private final JsonMapper json;

    public Disputes(PaymentStore payments, OrderLedger orders, PaymentEvents events, JsonMapper json) {
        this.payments = payments;
        this.orders = orders;
        this.events = events;
        this.json = json;
    }

    /** A Stripe dispute object. {@code status}: warning_needs_response … won, lost. */
    public record Dispute(String id, String chargeId, String paymentIntentId, long amount, String reason,
                          String status, Instant evidenceDueBy) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void opened(Dispute dispute) {
        Optional<Locked> locked = lock(dispute);
        if (locked.isEmpty()) {
            return;
        }
        OrderRow order = locked.get().order();
        PaymentRow payment = locked.get().payment();
        if (order.paymentStatus() == OrderPaymentStatus.DISPUTED || !order.paymentStatus().canMoveTo(OrderPaymentStatus.DISPUTED)) {
            metadata(payment, dispute, null);
            return;
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("statusBeforeDispute", payment.status().name());
        before.put("orderPaymentStatusBeforeDispute", order.paymentStatus().name());
        metadata(payment, dispute, before);
        if (payment.status().canMoveTo(PaymentStatus.DISPUTED)) {
            payments.moveTo(payment.id(), PaymentStatus.DISPUTED);
        }
        orders.movePaymentStatus(order, OrderPaymentStatus.DISPUTED, ACTOR, "dispute " + dispute.id() + " opened");
        events.disputeOpened(order, payment, dispute.id(), dispute.amount(), dispute.reason(), dispute.evidenceDueBy());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(Dispute dispute) {
        lock(dispute).ifPresent(l -> metadata(l.payment(), dispute, null));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void closed(Dispute dispute) {
        Optional<Locked> locked = lock(dispute);
        if (locked.isEmpty()) {
            return;
        }
        OrderRow order = locked.get().order();
        PaymentRow payment = locked.get().payment();
        metadata(payment, dispute, null);
        if (order.paymentStatus() != OrderPaymentStatus.DISPUTED) {
            return;
        }
        if ("lost".equals(dispute.status())) {
            orders.movePaymentStatus(order, OrderPaymentStatus.CHARGED_BACK, ACTOR, "dispute " + dispute.id() + " lost");
            payments.insertTransaction(payment.id(), "CHARGEBACK", "SUCCESS", dispute.amount(), dispute.id(), null,
                    null, null);
            log.warn("ALERT dispute {} lost on order {}", dispute.id(), order.orderNumber());
            return;
        }
        JsonNode meta = payment.metadata() == null ? json.createObjectNode() : json.readTree(payment.metadata());
        OrderPaymentStatus orderBefore = OrderPaymentStatus.valueOf(
                meta.path("orderPaymentStatusBeforeDispute").asString("PAID"));
        PaymentStatus paymentBefore = PaymentStatus.valueOf(meta.path("statusBeforeDispute").asString("SUCCEEDED"));
        orders.movePaymentStatus(order, orderBefore, ACTOR, "dispute " + dispute.id() + " " + dispute.status());
        if (payment.status() == PaymentStatus.DISPUTED && payment.status().canMoveTo(paymentBefore)) {
            payments.moveTo(payment.id(), paymentBefore);
        }
    }

    private Optional<Locked> lock(Dispute dispute) {
        Optional<PaymentRow> known = Optional.ofNullable(dispute.chargeId()).flatMap(payments::findByCharge)
                .or(() -> Optional.ofNullable(dispute.paymentIntentId()).flatMap(payments::findByIntent));
        if (known.isEmpty()) {
            log.info("dispute {} is on a charge we do not know; ignored", dispute.id());
            return Optional.empty();
        }
        OrderRow order = orders.lock(known.get().orderId()).orElseThrow();
        return Optional.of(new Locked(order, payments.lock(known.get().id()).orElseThrow()));
    }

    private void metadata(PaymentRow payment, Dispute dispute, Map<String, Object> extra) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("disputeId", dispute.id());
        values.put("disputeStatus", dispute.status());
        values.put("disputeReason", dispute.reason());
        values.put("disputeAmount", dispute.amount());
        values.put("evidenceDueBy", dispute.evidenceDueBy() == null ? null : dispute.evidenceDueBy().toString());
        if (extra != null) {
            values.putAll(extra);
        }
        payments.mergeMetadata(payment.id(), json.writeValueAsString(values));
    }

    private record Locked(OrderRow order, PaymentRow payment) {
    }
}
