package uk.co.lomashwood.order.order;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.order.coupon.Coupons;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every order status change after creation (spec 20 §2.4.3, §2.4.4): only through {@link OrderStatus#canMoveTo}, with
 * a status-history row and the matching order.* event in the same transaction.
 */
@Service
public class OrderTransitions {

    static final Duration CUSTOMER_CANCEL_WINDOW = Duration.ofHours(24);

    private final OrderStore store;
    private final OrderEvents events;
    private final OrderPayments payments;
    private final Coupons coupons;
    private final Clock clock;

    public OrderTransitions(OrderStore store, OrderEvents events, OrderPayments payments, Coupons coupons, Clock clock) {
        this.store = store;
        this.events = events;
        this.payments = payments;
        this.coupons = coupons;
        this.clock = clock;
    }

    public record Cancelled(UUID id, OrderStatus status, boolean refundInitiated, UUID refundId, Instant cancelledAt) {
    }

    /** {@code POST /v1/orders/:id/cancel}: the owner (PENDING, CONFIRMED within 24 h) or ADMIN (up to PROCESSING). */
    @Transactional
    public Cancelled cancelByRequest(UUID orderId, String reason, UserContext caller) {
        OrderRow order = store.lock(orderId).orElseThrow(OrderQueries::notFound);
        boolean admin = caller.hasRole(Role.ADMIN);
        if (!admin && !order.userId().equals(caller.requireUserId())) {
            throw OrderQueries.notFound();
        }
        boolean allowed = admin
                ? order.status() == OrderStatus.PENDING || order.status() == OrderStatus.CONFIRMED
                        || order.status() == OrderStatus.PROCESSING
                : order.status() == OrderStatus.PENDING
                        || (order.status() == OrderStatus.CONFIRMED && order.confirmedAt() != null
                        && !clock.instant().isAfter(order.confirmedAt().plus(CUSTOMER_CANCEL_WINDOW)));
        if (!allowed) {
            throw new ApiException(ErrorCode.ORDER_NOT_CANCELLABLE, "This order can no longer be cancelled.")
                    .with("status", order.status().name());
        }
        return cancel(order, admin ? "ADMIN_OVERRIDE" : "CUSTOMER_REQUEST", reason, admin ? "ADMIN" : "CUSTOMER",
                caller.userId(), "ORDER_CANCELLED");
    }

    /**
     * Cancels a locked order: open intents cancelled, CANCELLED, coupon use released, the remaining paid amount
     * refunded, {@code order.cancelled} emitted.
     */
    @Transactional
    public Cancelled cancel(OrderRow order, String cancellationReason, String note, String initiator, UUID actorId,
                            String refundReason) {
        if (!order.status().canMoveTo(OrderStatus.CANCELLED)) {
            throw transition(order.status(), OrderStatus.CANCELLED);
        }
        Instant now = clock.instant();
        payments.cancelOpenAttempts(order.id(), initiator.equals("SYSTEM") ? "SYSTEM_RETRY" : initiator);
        store.moveStatus(order.id(), OrderStatus.CANCELLED, now);
        store.jdbc().sql("UPDATE orders SET cancellation_reason = ?, cancellation_note = ?, cancelled_by = ? WHERE id = ?")
                .params(cancellationReason, note, actorId, order.id()).update();
        coupons.release(order.id());
        Optional<UUID> refund = Optional.empty();
        if (order.paymentStatus().moneyTaken()) {
            refund = payments.refundRemaining(order.id(), refundReason, initiator,
                    actorId == null ? "system" : actorId.toString());
        }
        String by = actorId == null ? "system" : actorId.toString();
        store.history(order.id(), "status", order.status().name(), OrderStatus.CANCELLED.name(), by, initiator, note);
        store.audit(order.id(), "cancelled", by, initiator, null);
        OrderRow after = store.find(order.id()).orElseThrow();
        events.cancelled(after, store.items(order.id()), new OrderEvents.Cancellation(order.status(), cancellationReason,
                initiator, note, actorId, now, refund.isPresent(), refund.orElse(null)));
        return new Cancelled(order.id(), OrderStatus.CANCELLED, refund.isPresent(), refund.orElse(null), now);
    }

    /** {@code PATCH /v1/orders/:id/status} (ADMIN): only ADMIN_REQUESTABLE targets the state machine allows. */
    @Transactional
    public void changeStatus(UUID orderId, OrderStatus target, String notes, UUID adminId) {
        OrderRow order = store.lock(orderId).orElseThrow(OrderQueries::notFound);
        if (!OrderStatus.ADMIN_REQUESTABLE.contains(target) || !order.status().canMoveTo(target)) {
            throw transition(order.status(), target);
        }
        switch (target) {
            case CANCELLED -> cancel(order, "ADMIN_OVERRIDE", notes, "ADMIN", adminId, "ORDER_CANCELLED");
            case SHIPPED -> {
                store.jdbc().sql("""
                                UPDATE shipments SET status = 'SHIPPED', shipped_at = coalesce(shipped_at, ?), updated_at = ?
                                 WHERE order_id = ? AND status IN ('PENDING', 'PROCESSING')""")
                        .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), orderId).update();
                fulfil(order, target, notes, adminId);
            }
            case DELIVERED -> {
                store.jdbc().sql("""
                                UPDATE shipments SET status = 'DELIVERED', delivered_at = coalesce(delivered_at, ?), updated_at = ?
                                 WHERE order_id = ? AND status <> 'DELIVERED'""")
                        .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), orderId).update();
                fulfil(order, target, notes, adminId);
            }
            default -> fulfil(order, target, notes, adminId);
        }
    }

    /** The shipment got its tracking: order PROCESSING → SHIPPED and {@code order.shipped}. */
    @Transactional
    public void shipped(UUID orderId, UUID adminId) {
        OrderRow order = store.lock(orderId).orElseThrow(OrderQueries::notFound);
        if (!order.status().canMoveTo(OrderStatus.SHIPPED)) {
            throw transition(order.status(), OrderStatus.SHIPPED);
        }
        fulfil(order, OrderStatus.SHIPPED, "Tracking recorded", adminId);
    }

    /** The shipment was delivered: order SHIPPED → DELIVERED and {@code order.delivered}. */
    @Transactional
    public void delivered(UUID orderId, Instant deliveredAt, UUID adminId) {
        OrderRow order = store.lock(orderId).orElseThrow(OrderQueries::notFound);
        if (!order.status().canMoveTo(OrderStatus.DELIVERED)) {
            throw transition(order.status(), OrderStatus.DELIVERED);
        }
        fulfil(order, OrderStatus.DELIVERED, "Delivered", adminId);
        store.jdbc().sql("UPDATE orders SET delivered_at = ? WHERE id = ?").params(Timestamp.from(deliveredAt), orderId).update();
    }

    /** The current status, for callers that must check before changing related rows. */
    public OrderStatus statusOf(UUID orderId) {
        return store.find(orderId).orElseThrow(OrderQueries::notFound).status();
    }

    private void fulfil(OrderRow order, OrderStatus target, String notes, UUID adminId) {
        Instant now = clock.instant();
        store.moveStatus(order.id(), target, now);
        store.history(order.id(), "status", order.status().name(), target.name(), adminId.toString(), "ADMIN", notes);
        store.audit(order.id(), "status_changed", adminId.toString(), "ADMIN", null);
        OrderRow after = store.find(order.id()).orElseThrow();
        switch (target) {
            case SHIPPED, DELIVERED -> {
                OrderStore.Tracking t = store.tracking(List.of(order.id())).get(order.id());
                LocalDate estimate = t == null || t.estimatedDelivery() == null ? after.estimatedDeliveryDate() : t.estimatedDelivery();
                events.fulfilment(target == OrderStatus.SHIPPED ? "order.shipped" : "order.delivered", after,
                        t == null ? null : t.carrier(), t == null ? null : t.trackingNumber(),
                        t == null ? null : t.trackingUrl(), estimate, now);
            }
            case COMPLETED -> events.completed(after, now);
            default -> { }
        }
    }

    static ApiException transition(OrderStatus from, OrderStatus to) {
        return new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                "An order cannot move from " + from + " to " + to + ".").with("currentStatus", from.name());
    }

    static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
