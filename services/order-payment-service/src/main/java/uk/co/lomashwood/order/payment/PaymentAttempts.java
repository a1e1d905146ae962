package uk.co.lomashwood.order.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import uk.co.lomashwood.order.order.OrderPayments;
import uk.co.lomashwood.order.refund.SystemRefunds;
import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.order.stripe.PaymentGatewayException;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.events.lock.RedisLocks;

/**
 * Payment attempts and their PaymentIntents (spec 20 §2.4.5): attempt 1 for a new order, create-intent for a retry
 * or a lost client secret (serialised per order by {@code order:lock:payment-intent:{orderId}}, at most 3 attempts),
 * and cancelling open intents when an order is cancelled or expires. Provider calls run outside any database
 * transaction; each write carries its own Stripe idempotency key.
 */
@Service
public class PaymentAttempts implements OrderPayments {

    public static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(PaymentAttempts.class);
    private static final Duration LOCK_TTL = Duration.ofSeconds(120);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    private final PaymentStore payments;
    private final OrderLedger orders;
    private final PaymentGateway gateway;
    private final SystemRefunds systemRefunds;
    private final RedisLocks locks;
    private final PaymentSync sync;
    private final Clock clock;

    public PaymentAttempts(PaymentStore payments, OrderLedger orders, PaymentGateway gateway,
                           SystemRefunds systemRefunds, RedisLocks locks, PaymentSync sync, Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.gateway = gateway;
        this.systemRefunds = systemRefunds;
        this.locks = locks;
        this.sync = sync;
        this.clock = clock;
    }

    /** An attempt as create-intent answers it; {@code created} tells 201 (new attempt) from 200 (the live one). */
    public record Opened(PaymentRow payment, OrderRow order, boolean created) {
    }

    @Override
    public PaymentStart startFirstAttempt(UUID orderId) {
        OrderRow order = orders.find(orderId)
                .orElseThrow(() -> new ApiException(ErrorCode.ORDER_NOT_FOUND, "The order does not exist."));
        try (RedisLocks.Held lock = intentLock(orderId)) {
            PaymentRow payment = open(order, 1);
            return new PaymentStart(payment.id(), payment.stripePaymentIntentId(), payment.stripeClientSecret(),
                    gateway.publishableKey());
        }
    }

    /** {@code POST /v1/payments/create-intent} for the caller's own order (§2.4.5 step 4). */
    public Opened createIntent(UUID userId, UUID orderId) {
        orders.findOwned(orderId, userId)
                .orElseThrow(() -> new ApiException(ErrorCode.ORDER_NOT_FOUND, "The order does not exist."));
        try (RedisLocks.Held lock = intentLock(orderId)) {
            OrderRow order = orders.find(orderId).orElseThrow();
            Optional<PaymentRow> latest = payments.latestOf(orderId);
            if (order.paymentStatus().moneyTaken() || latest.map(p -> p.status().isCaptured()).orElse(false)) {
                throw new ApiException(ErrorCode.PAYMENT_ALREADY_COMPLETED, "This order has already been paid.");
            }
            if (!order.payableAt(clock.instant())) {
                throw new ApiException(ErrorCode.ORDER_NOT_PAYABLE,
                        "This order can no longer be paid (it is " + order.status().name().toLowerCase() + ").");
            }
            if (latest.isPresent() && latest.get().status().isLive()) {
                PaymentRow live = latest.get();
                return new Opened(live.stripePaymentIntentId() == null ? open(order, live.attemptNo()) : live, order,
                        false);
            }
            int next = latest.map(p -> p.attemptNo() + 1).orElse(1);
            if (next > MAX_ATTEMPTS) {
                throw new ApiException(ErrorCode.PAYMENT_ATTEMPTS_EXCEEDED,
                        "This order has used all " + MAX_ATTEMPTS + " payment attempts.");
            }
            latest.ifPresent(this::retire);
            return new Opened(open(order, next), order, true);
        }
    }

    /**
     * Re-checks each open intent with the provider first. A succeeded (or processing) one is not cancelled: for
     * {@code EXPIRY} it is reconciled at once (spec 20 §2.6, the order then is no longer due to expire); for a
     * customer or admin cancellation its webhook arrives after the cancellation commits and takes the late-success
     * path (PAID, then refunded in full).
     */
    @Override
    public void cancelOpenAttempts(UUID orderId, String cancellationSource) {
        for (PaymentRow attempt : payments.ofOrder(orderId)) {
            boolean open = attempt.status() == PaymentStatus.PENDING || attempt.status() == PaymentStatus.REQUIRES_ACTION
                    || attempt.status() == PaymentStatus.FAILED;
            if (!open || attempt.stripePaymentIntentId() == null) {
                continue;
            }
            try {
                PaymentGateway.Intent current = gateway.retrieveIntent(attempt.stripePaymentIntentId());
                if ("succeeded".equals(current.status()) || "processing".equals(current.status())) {
                    if ("EXPIRY".equals(cancellationSource)) {
                        sync.apply(current);
                    }
                    continue;
                }
                payments.noteCancellationSource(attempt.id(), cancellationSource);
                gateway.cancelIntent(attempt.stripePaymentIntentId(), "pi-cancel:" + attempt.id());
                payments.markCancelled(attempt.id(), cancellationSource);
            } catch (PaymentGatewayException e) {
                // the intent stays open at the provider; its webhook (or reconciliation) settles the attempt later
                log.warn("could not cancel payment intent of attempt {}: {}", attempt.id(), e.getMessage());
            }
        }
    }

    @Override
    public Optional<UUID> refundRemaining(UUID orderId, String reason, String initiator, String requestedBy) {
        return systemRefunds.refundRemaining(orderId, reason);
    }

    /** {@code POST /v1/payments/:id/cancel} (ADMIN): only a PENDING or REQUIRES_ACTION attempt. */
    public PaymentRow cancelByAdmin(UUID paymentId) {
        PaymentRow attempt = payments.find(paymentId)
                .orElseThrow(() -> new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "The payment does not exist."));
        try (RedisLocks.Held lock = intentLock(attempt.orderId())) {
            PaymentRow current = payments.find(paymentId).orElseThrow();
            if (current.status() != PaymentStatus.PENDING && current.status() != PaymentStatus.REQUIRES_ACTION) {
                throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                        "Only a PENDING or REQUIRES_ACTION payment can be cancelled (this one is " + current.status() + ").");
            }
            payments.noteCancellationSource(paymentId, "ADMIN");
            if (current.stripePaymentIntentId() != null) {
                try {
                    gateway.cancelIntent(current.stripePaymentIntentId(), "pi-cancel:" + paymentId);
                } catch (PaymentGatewayException e) {
                    if (!e.rejected()) {
                        throw gatewayError(current.orderId());
                    }
                    sync.sync(current.stripePaymentIntentId(), current.orderId());
                    throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                            "Stripe no longer allows this payment to be cancelled; it has been brought up to date.");
                }
            }
            payments.markCancelled(paymentId, "ADMIN");
            return payments.find(paymentId).orElseThrow();
        }
    }

    /** Cancels at the provider the intent of a failed attempt before the next attempt opens (SYSTEM_RETRY). */
    private void retire(PaymentRow previous) {
        if (previous.status() != PaymentStatus.FAILED || previous.stripePaymentIntentId() == null) {
            return;
        }
        payments.noteCancellationSource(previous.id(), "SYSTEM_RETRY");
        try {
            gateway.cancelIntent(previous.stripePaymentIntentId(), "pi-cancel:" + previous.id());
        } catch (PaymentGatewayException e) {
            if (!e.rejected()) {
                throw gatewayError(previous.orderId());
            }
            // the customer may have paid on this intent after all: take Stripe's word before opening another
            log.info("provider refused to cancel intent of attempt {} ({})", previous.id(), e.getMessage());
            sync.sync(previous.stripePaymentIntentId(), previous.orderId());
            if (payments.find(previous.id()).orElseThrow().status().isCaptured()) {
                throw new ApiException(ErrorCode.PAYMENT_ALREADY_COMPLETED, "This order has already been paid.");
            }
        }
        payments.markCancelled(previous.id(), "SYSTEM_RETRY");
    }

    /** Attempt {@code attemptNo} with its PaymentIntent, created if missing (idempotent per attempt). */
    private PaymentRow open(OrderRow order, int attemptNo) {
        PaymentRow row = payments.insertAttempt(order.id(), attemptNo, order.totalAmount())
                .orElseGet(() -> payments.ofOrder(order.id()).stream().filter(p -> p.attemptNo() == attemptNo)
                        .findFirst().orElseThrow());
        if (row.stripePaymentIntentId() != null) {
            return row;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("orderId", order.id().toString());
        metadata.put("orderNumber", order.orderNumber());
        metadata.put("userId", order.userId().toString());
        metadata.put("paymentId", row.id().toString());
        metadata.put("attemptNo", Integer.toString(attemptNo));
        try {
            PaymentGateway.Intent intent = gateway.createIntent(new PaymentGateway.CreateIntent(order.totalAmount(),
                    "gbp", "Lomash Wood order " + order.orderNumber(), order.customerEmail(), metadata,
                    "pi-create:" + order.id() + ":" + attemptNo, null, false));
            payments.attachIntent(row.id(), intent);
        } catch (PaymentGatewayException e) {
            log.warn("payment provider failed creating attempt {} of order {}: {}", attemptNo, order.orderNumber(),
                    e.getMessage());
            payments.markFailed(row.id(), "gateway_error", "The payment provider could not be reached.");
            throw gatewayError(order.id());
        }
        return payments.find(row.id()).orElseThrow();
    }

    private RedisLocks.Held intentLock(UUID orderId) {
        return locks.lock("order:lock:payment-intent:" + orderId, LOCK_TTL, LOCK_WAIT)
                .orElseThrow(() -> new ApiException(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                        "Another payment request for this order is still running.").retryAfter(Duration.ofSeconds(1)));
    }

    private static ApiException gatewayError(UUID orderId) {
        return new ApiException(ErrorCode.PAYMENT_GATEWAY_ERROR,
                "The payment provider is unavailable; try again with create-intent.").with("orderId", orderId);
    }
}
