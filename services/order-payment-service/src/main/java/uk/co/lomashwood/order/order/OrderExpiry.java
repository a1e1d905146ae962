package uk.co.lomashwood.order.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.order.coupon.Coupons;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * expire-unpaid-orders of spec 20 §2.6: PENDING orders past expiresAt whose paymentStatus is UNPAID or FAILED, oldest
 * first, in batches of 100; each in its own transaction with the row locked: open intents cancelled (EXPIRY), EXPIRED,
 * coupon use released, {@code order.expired} (product-service releases the stock on it).
 */
@Service
public class OrderExpiry {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(OrderExpiry.class);
    private static final Set<OrderPaymentStatus> EXPIRABLE = EnumSet.of(OrderPaymentStatus.UNPAID, OrderPaymentStatus.FAILED);

    private final OrderStore store;
    private final OrderEvents events;
    private final OrderPayments payments;
    private final Coupons coupons;
    private final TransactionTemplate tx;
    private final Clock clock;

    public OrderExpiry(OrderStore store, OrderEvents events, OrderPayments payments, Coupons coupons,
                       TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.events = events;
        this.payments = payments;
        this.coupons = coupons;
        this.tx = tx;
        this.clock = clock;
    }

    /** Expires every due order; returns how many. */
    public int run() {
        int expired = 0;
        while (true) {
            List<UUID> due = store.jdbc().sql("""
                            SELECT id FROM orders
                             WHERE status = 'PENDING' AND payment_status IN ('UNPAID', 'FAILED') AND expires_at < ?
                               AND deleted_at IS NULL
                             ORDER BY expires_at LIMIT ?""")
                    .params(Timestamp.from(clock.instant()), BATCH).query(UUID.class).list();
            int before = expired;
            for (UUID id : due) {
                try {
                    if (Boolean.TRUE.equals(tx.execute(status -> expire(id)))) {
                        expired++;
                    }
                } catch (RuntimeException e) {
                    log.warn("order {} could not be expired this run: {}", id, e.toString());
                }
            }
            if (due.size() < BATCH || expired == before) {
                return expired;
            }
        }
    }

    private boolean expire(UUID orderId) {
        OrderRow order = store.jdbc().sql("SELECT * FROM orders WHERE id = ? FOR UPDATE SKIP LOCKED").param(orderId)
                .query(OrderStore::map).optional().orElse(null);
        Instant now = clock.instant();
        if (!due(order, now)) {
            return false;
        }
        payments.cancelOpenAttempts(orderId, "EXPIRY");
        // cancelling may have found a succeeded intent and reconciled it instead
        order = store.find(orderId).orElseThrow();
        if (!due(order, now)) {
            return false;
        }
        store.moveStatus(orderId, OrderStatus.EXPIRED, now);
        store.jdbc().sql("UPDATE orders SET cancellation_reason = 'PAYMENT_TIMEOUT' WHERE id = ?").param(orderId).update();
        coupons.release(orderId);
        store.history(orderId, "status", OrderStatus.PENDING.name(), OrderStatus.EXPIRED.name(), "system", "SYSTEM",
                "Unpaid 30 minutes after creation");
        int itemCount = store.items(orderId).stream().mapToInt(OrderItemRow::quantity).sum();
        events.expired(order, itemCount, now);
        return true;
    }

    private static boolean due(OrderRow order, Instant now) {
        return order != null && order.status() == OrderStatus.PENDING && EXPIRABLE.contains(order.paymentStatus())
                && order.expiresAt().isBefore(now);
    }
}
