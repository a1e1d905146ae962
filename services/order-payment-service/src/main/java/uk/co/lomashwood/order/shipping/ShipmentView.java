package uk.co.lomashwood.order.shipping;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import uk.co.lomashwood.platform.core.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The Shipment response (spec 20 §2.2 shipments; internal notes are not shown). */
public record ShipmentView(UUID id, UUID orderId, String orderNumber, @JsonIgnore UUID userId, Method shippingMethod,
                           String status, String carrier, String trackingNumber, String trackingUrl,
                           @JsonRawValue String shippingAddress, Money shippingCost, String currency,
                           LocalDate estimatedDelivery, Instant shippedAt, Instant deliveredAt, Instant createdAt,
                           Instant updatedAt) {

    public record Method(UUID id, String code, String name) {
    }
}
