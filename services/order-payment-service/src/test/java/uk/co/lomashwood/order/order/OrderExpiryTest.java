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

/** expire-unpaid-orders (spec 20 §2.6) and the reservation_failed consumer (§2.5 Consumed). */
class OrderExpiryTest extends OrderIntegrationTest {

    @Autowired
    private OrderExpiry expiry;
    @Autowired
    private ReservationFailedHandler reservationFailed;

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
        setStatus(paid, "CONFIRMED", "PAID");

        reservationFailed.handle(event(paid));

        assertThat(count("orders", "id = ? AND status = 'CANCELLED' AND cancellation_reason = 'INVENTORY_UNAVAILABLE'", paid))
                .isEqualTo(1);
        assertThat(refunds.refunds).contains(paid + ":INVENTORY_UNAVAILABLE");
        JsonNode cancelled = events("order.cancelled", paid).getFirst();
        assertThat(cancelled.get("initiator").asString()).isEqualTo("SYSTEM");
        assertThat(cancelled.get("previousStatus").asString()).isEqualTo("CONFIRMED");

        reservationFailed.handle(event(paid));
        assertThat(events("order.cancelled", paid)).hasSize(1);
    }

    private static EventEnvelope event(UUID orderId) {
        return new EventEnvelope(Uuids.v7(), "product.inventory.reservation_failed", "1.0", Instant.now(), "product-service",
                UUID.randomUUID().toString(), null, Map.of(), HttpCalls.JSON.valueToTree(Map.of("orderId", orderId.toString(),
                "items", java.util.List.of(Map.of("productId", UUID.randomUUID().toString(), "requested", 1, "available", 0)))));
    }
}
