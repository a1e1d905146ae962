package uk.co.lomashwood.order.shipping;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.order.order.OrderTransitions;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Shipment reads and the fulfilment steps of spec 20 §2.4.11: tracking moves the shipment to SHIPPED and the order
 * PROCESSING → SHIPPED; delivery moves both to DELIVERED. The order side goes through {@link OrderTransitions}, in
 * the same transaction.
 */
@Service
public class Fulfilment {

    private static final Set<String> SHIPPABLE = Set.of("PENDING", "PROCESSING");
    private static final Set<String> DELIVERABLE = Set.of("SHIPPED", "IN_TRANSIT", "OUT_FOR_DELIVERY");

    private final Shipments shipments;
    private final OrderTransitions orders;
    private final Clock clock;

    public Fulfilment(Shipments shipments, OrderTransitions orders, Clock clock) {
        this.shipments = shipments;
        this.orders = orders;
        this.clock = clock;
    }

    /** The owner or ADMIN; anyone else gets 404. */
    public ShipmentView view(UUID id, UserContext caller) {
        ShipmentView shipment = shipments.find(id).orElseThrow(Fulfilment::notFound);
        if (!caller.hasRole(Role.ADMIN) && !shipment.userId().equals(caller.requireUserId())) {
            throw notFound();
        }
        return shipment;
    }

    @Transactional
    public ShipmentView track(UUID id, String carrier, String trackingNumber, String trackingUrl, LocalDate estimate,
                              UUID adminId) {
        ShipmentView shipment = shipments.lock(id).orElseThrow(Fulfilment::notFound);
        if (!SHIPPABLE.contains(shipment.status())) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "This shipment has already been sent.")
                    .with("currentStatus", shipment.status());
        }
        if (shipments.trackingNumberTaken(trackingNumber, id)) {
            throw new ApiException(ErrorCode.CONFLICT, "This tracking number belongs to another shipment.");
        }
        shipments.ship(id, carrier, trackingNumber, trackingUrl, estimate, clock.instant());
        orders.shipped(shipment.orderId(), adminId);
        return shipments.find(id).orElseThrow();
    }

    @Transactional
    public ShipmentView delivered(UUID id, Instant deliveredAt, UUID adminId) {
        ShipmentView shipment = shipments.lock(id).orElseThrow(Fulfilment::notFound);
        if (!DELIVERABLE.contains(shipment.status())) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "Only a shipment on its way can be delivered.")
                    .with("currentStatus", shipment.status());
        }
        Instant at = deliveredAt == null ? clock.instant() : deliveredAt;
        shipments.deliver(id, at, clock.instant());
        orders.delivered(shipment.orderId(), at, adminId);
        return shipments.find(id).orElseThrow();
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "No such shipment.");
    }
}
