package uk.co.lomashwood.order.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.util.Set;
import java.util.UUID;

/**
 * {@code product.inventory.reservation_failed} (spec 20 §2.5 Consumed): the stock could not be committed, so the order
 * is CANCELLED (INVENTORY_UNAVAILABLE) and, if it was paid, refunded in full by the SYSTEM; the customer hears of it
 * through {@code order.cancelled}. Orders already past cancellation are left alone.
 */
@Component
class ReservationFailedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ReservationFailedHandler.class);

    private final OrderStore store;
    private final OrderTransitions transitions;

    ReservationFailedHandler(OrderStore store, OrderTransitions transitions) {
        this.store = store;
        this.transitions = transitions;
    }

    @Override
    public Set<String> topics() {
        return Set.of("product.inventory.reservation_failed");
    }

    @Override
    @Transactional
    public void handle(EventEnvelope event) {
        UUID orderId = UUID.fromString(event.data().path("orderId").asString());
        OrderRow order = store.lock(orderId).orElse(null);
        if (order == null || !order.status().canMoveTo(OrderStatus.CANCELLED)) {
            log.info("reservation_failed for order {} ignored (status {})", orderId, order == null ? "unknown" : order.status());
            return;
        }
        transitions.cancel(order, "INVENTORY_UNAVAILABLE", "Stock could not be committed for this order", "SYSTEM", null,
                "INVENTORY_UNAVAILABLE");
    }
}
