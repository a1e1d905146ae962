package uk.co.lomashwood.order.order;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.core.id.Uuids;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.test.http.HttpCalls;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** expire-unpaid-orders (spec 20 §2.6) and the consumers of §2.5: reservation_failed, customer.user.erased. */
class OrderExpiryTest extends OrderIntegrationTest {

    @Autowired
    private OrderExpiry expiry;
    @Autowired
    private ReservationFailedHandler reservationFailed;
    @Autowired
    private OrderErasure erasure;

    @Test
    void unpaidOrdersPastTheirWindowExpireAndAnnounceIt() {
        UUID user = UUID.randomUUID();
        UUID due = orderOf(user, "KITCHEN", "60.00", 2);
        UUID failed = orderOf(user, "KITCHEN", "60.00", 1);
        UUID processing = orderOf(user, "KITCHEN", "60.00", 1);
        UUID fresh = orderOf(user, "KITCHEN", "60.00", 1);
        jdbc.sql("UPDATE orders SET expires_at = now() - interval '1 minute' WHERE id IN (?, ?, ?)")
                .params(due, failed, processing).update();
        jdbc.sql("UPDATE orders SET payment_status = 'FAILED' WHERE id = ?").param(failed).update();
        jdbc.sql("UPDATE orders SET payment_status = 'PROCESSING' WHERE id = ?").param(processing).update();

        expiry.run();

        assertThat(count("orders", "id IN (?, ?) AND status = 'EXPIRED' AND expired_at IS NOT NULL", due, failed)).isEqualTo(2);
        assertThat(count("orders", "id IN (?, ?) AND status = 'PENDING'", processing, fresh)).isEqualTo(2);
        assertThat(count("payments", "order_id = ? AND status = 'CANCELLED' AND cancellation_source = 'EXPIRY'", due))
                .isEqualTo(1);
        JsonNode event = events("order.expired", due).getFirst();
        assertThat(event.get("itemCount").asInt()).isEqualTo(2);
        assertThat(event.get("customerEmail").asString()).isEqualTo("jane@example.com");
        assertThat(event.get("totalAmount").decimalValue()).isEqualByComparingTo("155.94");

        expiry.run();
        assertThat(events("order.expired", due)).hasSize(1);
    }

    @Test
    void aFailedStockCommitCancelsTheOrderAndRefundsAPaidOne() {
        UUID user = UUID.randomUUID();
        UUID paid = orderOf(user, "KITCHEN", "60.00", 1);
        payByCard(user, paid);

        reservationFailed.handle(event(paid));

        assertThat(count("orders", "id = ? AND status = 'CANCELLED' AND cancellation_reason = 'INVENTORY_UNAVAILABLE'", paid))
                .isEqualTo(1);
        assertThat(count("refunds", "order_id = ? AND reason = 'INVENTORY_UNAVAILABLE' AND initiator = 'SYSTEM'", paid))
                .isEqualTo(1);
        JsonNode cancelled = events("order.cancelled", paid).getFirst();
        assertThat(cancelled.get("initiator").asString()).isEqualTo("SYSTEM");
        assertThat(cancelled.get("previousStatus").asString()).isEqualTo("CONFIRMED");

        reservationFailed.handle(event(paid));
        assertThat(events("order.cancelled", paid)).hasSize(1);
    }

    @Test
    void anErasedCustomersOrdersKeepTheirFiguresButLoseThePersonalData() {
        UUID user = UUID.randomUUID();
        UUID orderId = orderOf(user, "KITCHEN", "60.00", 1);
        UUID someoneElse = orderOf(UUID.randomUUID(), "KITCHEN", "60.00", 1);

        erasure.handle(new EventEnvelope(Uuids.v7(), "customer.user.erased", "1.0", Instant.now(), "customer-service",
                UUID.randomUUID().toString(), null, Map.of(), HttpCalls.JSON.valueToTree(Map.of("userId", user.toString()))));

        JsonNode order = admin().get("/v1/orders/" + orderId).data();
        assertThat(order.get("customerEmail").asString()).isEqualTo("deleted-" + user + "@erased.invalid");
        assertThat(order.get("customerPhone").isNull()).isTrue();
        assertThat(order.get("shippingAddress").get("fullName").asString()).isEqualTo("[REDACTED]");
        assertThat(order.get("shippingAddress").get("addressLine1").asString()).isEqualTo("[REDACTED]");
        assertThat(order.get("shippingAddress").get("postcode").asString()).isEqualTo("SW1A");
        assertThat(order.get("totalAmount").decimalValue()).isEqualByComparingTo("83.94");
        assertThat(count("orders", "id = ? AND customer_name = 'Deleted User' AND metadata IS NULL", orderId)).isEqualTo(1);
        assertThat(count("shipments", "order_id = ? AND shipping_address->>'fullName' = '[REDACTED]'", orderId)).isEqualTo(1);
        assertThat(count("orders", "id = ? AND customer_email = 'jane@example.com'", someoneElse)).isEqualTo(1);
    }

    private static EventEnvelope event(UUID orderId) {
        return new EventEnvelope(Uuids.v7(), "product.inventory.reservation_failed", "1.0", Instant.now(), "product-service",
                UUID.randomUUID().toString(), null, Map.of(), HttpCalls.JSON.valueToTree(Map.of("orderId", orderId.toString(),
                "items", java.util.List.of(Map.of("productId", UUID.randomUUID().toString(), "requested", 1, "available", 0)))));
    }
}
