package uk.co.lomashwood.order.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import uk.co.lomashwood.order.invoice.Invoicing;
import uk.co.lomashwood.order.order.OrderEvents;
import uk.co.lomashwood.order.order.OrderPaymentStatus;
import uk.co.lomashwood.order.order.OrderStatus;
import uk.co.lomashwood.order.order.OrderStore;
import uk.co.lomashwood.order.order.OrderTransitions;
import uk.co.lomashwood.order.refund.SystemRefunds;
import uk.co.lomashwood.order.stripe.PaymentGateway;

/**
 * Applies what the provider says about a PaymentIntent to the attempt and its order (spec 20 §2.4.6 table, rows
 * {@code payment_intent.*}). The one handler behind the webhook, {@code POST /v1/payments/confirm} and the
 * reconciliation job. It locks the order row first and only moves state forward, so duplicates, races and
 * out-of-order deliveries change nothing twice; it never marks anything paid unless the intent says
 * {@code succeeded}.
 */
@Component
public class IntentTransitions {

    private static final Logger log = LoggerFactory.getLogger(IntentTransitions.class);
    private static final String ACTOR = "stripe";

    private final PaymentStore payments;
    private final OrderLedger orders;
    private final PaymentEvents events;
    private final Invoicing invoicing;
    private final SystemRefunds systemRefunds;
    private final OrderStore orderStore;
    private final OrderEvents orderEvents;
    /** Lazily: the order feature's transitions cancel open attempts through {@code OrderPayments} (this feature). */
    private final ObjectProvider<OrderTransitions> orderTransitions;
    private final JsonMapper json;
    private final Clock clock;

    public IntentTransitions(PaymentStore payments, OrderLedger orders, PaymentEvents events, Invoicing invoicing,
                             SystemRefunds systemRefunds, OrderStore orderStore, OrderEvents orderEvents,
                             ObjectProvider<OrderTransitions> orderTransitions,
                             JsonMapper json, Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.events = events;
        this.invoicing = invoicing;
        this.systemRefunds = systemRefunds;
        this.orderStore = orderStore;
        this.orderEvents = orderEvents;
        this.orderTransitions = orderTransitions;
        this.json = json;
        this.clock = clock;
    }

    public enum Outcome { UNKNOWN_INTENT, UNCHANGED, APPLIED, FLAGGED_FOR_REVIEW }

    /** Must run inside the caller's transaction (the webhook's, the confirm call's or a reconciliation step's). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome apply(PaymentGateway.Intent intent, String stripeEventId) {
        Optional<PaymentRow> known = payments.findByIntent(intent.id()).or(() -> adopt(intent));
        if (known.isEmpty()) {
            log.info("payment intent {} belongs to no attempt of ours; ignored", intent.id());
            return Outcome.UNKNOWN_INTENT;
        }
        OrderRow order = orders.lock(known.get().orderId()).orElseThrow();
        PaymentRow payment = payments.lock(known.get().id()).orElseThrow();
        PaymentStatus target = PaymentStatus.ofIntent(intent.status(), intent.lastError().isPresent());
        return switch (target) {
            case SUCCEEDED -> succeeded(order, payment, intent, stripeEventId);
            case PROCESSING -> processing(order, payment);
            case REQUIRES_ACTION -> simpleMove(payment, PaymentStatus.REQUIRES_ACTION);
            case FAILED -> failed(order, payment, intent, stripeEventId);
            case CANCELLED -> cancelled(order, payment, intent);
            default -> Outcome.UNCHANGED;
        };
    }

    /**
     * An intent created for one of our attempts whose id was never stored (the process stopped between Stripe's
     * answer and our write): recognised by its {@code paymentId} metadata and attached.
     */
    private Optional<PaymentRow> adopt(PaymentGateway.Intent intent) {
        String paymentId = intent.metadata() == null ? null : intent.metadata().get("paymentId");
        if (paymentId == null || !paymentId.matches("[0-9a-fA-F-]{36}")) {
            return Optional.empty();
        }
        Optional<PaymentRow> row = payments.find(UUID.fromString(paymentId))
                .filter(p -> p.stripePaymentIntentId() == null);
        row.ifPresent(p -> payments.attachIntent(p.id(), intent));
        return row.flatMap(p -> payments.find(p.id()));
    }

    private Outcome succeeded(OrderRow order, PaymentRow payment, PaymentGateway.Intent intent, String eventId) {
        if (payment.status().isCaptured() || flagged(payment)) {
            return Outcome.UNCHANGED;
        }
        PaymentGateway.Charge charge = intent.latestCharge().orElse(null);
        long captured = charge != null ? charge.amountCaptured() : intent.amount();
        boolean amountMatches = intent.amount() == payment.amount() && payment.amount() == order.totalAmount()
                && captured == order.totalAmount() && "gbp".equalsIgnoreCase(intent.currency());
        if (!amountMatches) {
            return flag(payment, "AMOUNT_MISMATCH", intent, captured, charge, eventId);
        }
        if (payments.anyOther(order.id(), payment.id(), PaymentStatus.CAPTURED)) {
            return flag(payment, "SECOND_CAPTURE", intent, captured, charge, eventId);
        }
        Instant now = clock.instant();
        payments.markSucceeded(payment.id(), charge);
        payments.insertTransaction(payment.id(), "CAPTURE", "SUCCESS", captured, charge == null ? null : charge.id(),
                eventId, null, null);
        PaymentRow paid = payments.find(payment.id()).orElseThrow();
        orders.movePaymentStatus(order, OrderPaymentStatus.PAID, ACTOR, "payment succeeded");
        orders.recordPaid(order.id(), captured);
        if (order.status() == OrderStatus.PENDING) {
            orders.moveStatus(order, OrderStatus.CONFIRMED, ACTOR, "payment succeeded");
            orders.consumeCoupon(order.id());
            UUID invoiceId = invoicing.issueInvoiceForPaidOrder(order.id());
            events.paymentSucceeded(order, paid, invoiceId, now);
            orderEvents.confirmed(order.id(), paid.id(), now);
        } else {
            // late success on a cancelled or expired order: recorded as PAID, then refunded in full (§2.4.3)
            UUID invoiceId = invoicing.issueInvoiceForPaidOrder(order.id());
            events.paymentSucceeded(order, paid, invoiceId, now);
            if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.EXPIRED) {
                log.warn("payment {} succeeded on {} order {}; refunding it in full", payment.id(), order.status(),
                        order.orderNumber());
                systemRefunds.refundRemaining(order.id(), "ORDER_CANCELLED");
            }
        }
        return Outcome.APPLIED;
    }

    /** §2.4.5 step 5: the money stays recorded on the attempt for a person to review; the order stays as it is. */
    private Outcome flag(PaymentRow payment, String reason, PaymentGateway.Intent intent, long captured,
                         PaymentGateway.Charge charge, String eventId) {
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("reviewRequired", true);
        review.put("reviewReason", reason);
        review.put("capturedAmount", captured);
        review.put("capturedCurrency", intent.currency());
        review.put("intentAmount", intent.amount());
        review.put("chargeId", charge == null ? null : charge.id());
        payments.mergeMetadata(payment.id(), json.writeValueAsString(review));
        payments.insertTransaction(payment.id(), "CAPTURE", "PENDING", captured, charge == null ? null : charge.id(),
                eventId, reason.toLowerCase(java.util.Locale.ROOT), "held for review: " + reason);
        log.error("ALERT payment {} of order {} needs review: {} (captured {} {}, attempt amount {})", payment.id(),
                payment.orderId(), reason, captured, intent.currency(), payment.amount());
        return Outcome.FLAGGED_FOR_REVIEW;
    }

    private boolean flagged(PaymentRow payment) {
        return payment.metadata() != null && json.readTree(payment.metadata()).path("reviewRequired").asBoolean(false);
    }

    private Outcome processing(OrderRow order, PaymentRow payment) {
        if (!payment.status().canMoveTo(PaymentStatus.PROCESSING)) {
            return Outcome.UNCHANGED;
        }
        payments.moveTo(payment.id(), PaymentStatus.PROCESSING);
        orders.movePaymentStatus(order, OrderPaymentStatus.PROCESSING, ACTOR, "payment processing");
        return Outcome.APPLIED;
    }

    private Outcome simpleMove(PaymentRow payment, PaymentStatus next) {
        if (!payment.status().canMoveTo(next)) {
            return Outcome.UNCHANGED;
        }
        payments.moveTo(payment.id(), next);
        return Outcome.APPLIED;
    }

    private Outcome failed(OrderRow order, PaymentRow payment, PaymentGateway.Intent intent, String eventId) {
        if (!payment.status().canMoveTo(PaymentStatus.FAILED)) {
            return Outcome.UNCHANGED;
        }
        PaymentGateway.LastError error = intent.lastError().orElseThrow();
        String code = error.declineCode() != null ? error.declineCode() : error.code();
        payments.markFailed(payment.id(), code, error.message());
        payments.insertTransaction(payment.id(), "AUTHORIZATION", "FAILED", payment.amount(), intent.id(), eventId,
                code, error.message());
        orders.movePaymentStatus(order, OrderPaymentStatus.FAILED, ACTOR, "payment failed: " + code);
        boolean canRetry = payment.attemptNo() < PaymentAttempts.MAX_ATTEMPTS && order.payableAt(clock.instant());
        events.paymentFailed(order, payment, code, error.message(), canRetry);
        return Outcome.APPLIED;
    }

    private Outcome cancelled(OrderRow order, PaymentRow payment, PaymentGateway.Intent intent) {
        if (!payment.status().canMoveTo(PaymentStatus.CANCELLED)) {
            return Outcome.UNCHANGED;
        }
        boolean ours = payment.cancellationSource() != null;
        payments.markCancelled(payment.id(), "STRIPE");
        if (ours || order.status() != OrderStatus.PENDING
                || payments.anyOther(order.id(), payment.id(), PaymentStatus.LIVE)) {
            return Outcome.APPLIED;
        }
        String reason = switch (intent.cancellationReason() == null ? "" : intent.cancellationReason()) {
            case "abandoned", "automatic" -> "PAYMENT_TIMEOUT";
            case "fraudulent" -> "FRAUD_DETECTED";
            case "duplicate" -> "DUPLICATE_ORDER";
            default -> "OTHER";
        };
        // the order feature's own cancellation: CANCELLED, coupon released, history, order.cancelled (SYSTEM)
        orderTransitions.getObject().cancel(orderStore.find(order.id()).orElseThrow(), reason, null, "SYSTEM", null,
                "ORDER_CANCELLED");
        return Outcome.APPLIED;
    }
}
