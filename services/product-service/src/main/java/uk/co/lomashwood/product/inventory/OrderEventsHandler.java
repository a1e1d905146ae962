package uk.co.lomashwood.product.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * order.* events consumed by the catalogue (spec 20 §1.5): confirmed → commit the reservations and stamp
 * lastOrderedAt; cancelled → release, or return the stock when the order had been confirmed; expired → release.
 * Redeliveries are dropped by the platform inbox, and every action is idempotent on its own as well.
 */
@Component
class OrderEventsHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsHandler.class);
    private static final Set<String> CONFIRMED_BEFORE = Set.of("CONFIRMED", "PROCESSING");

    private final Reservations reservations;
    private final StockStore store;
    private final Clock clock;

    OrderEventsHandler(Reservations reservations, StockStore store, Clock clock) {
        this.reservations = reservations;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Set<String> topics() {
        return Set.of("order.confirmed", "order.cancelled", "order.expired");
    }

    @Override
    @Transactional
    public void handle(EventEnvelope event) {
        UUID orderId = UUID.fromString(event.data().path("orderId").asString());
        switch (event.topic()) {
            case "order.confirmed" -> confirm(orderId);
            case "order.cancelled" -> {
                if (CONFIRMED_BEFORE.contains(event.data().path("previousStatus").asString())) {
                    reservations.returnStock(orderId);
                } else {
                    reservations.release(orderId);
                }
            }
            case "order.expired" -> reservations.release(orderId);
            default -> log.debug("ignoring {}", event.topic());
        }
    }

    private void confirm(UUID orderId) {
        try {
            reservations.commit(orderId);
            store.markOrdered(orderId, clock.instant());
        } catch (ApiException e) {
            // no reservation (nothing to commit) or a shortfall already announced as reservation_failed
            if (e.code() != ErrorCode.ORDER_NOT_FOUND && e.code() != ErrorCode.INSUFFICIENT_STOCK) {
                throw e;
            }
            log.warn("order {} confirmed but its stock could not be committed: {}", orderId, e.code());
        }
    }
}
