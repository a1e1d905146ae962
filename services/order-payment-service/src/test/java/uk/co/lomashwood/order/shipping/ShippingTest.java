package uk.co.lomashwood.order.shipping;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.order.order.OrderIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /v1/shipping}: public rates, shipments for owners and staff, tracking and delivery (spec 20 §2.4.11). */
class ShippingTest extends OrderIntegrationTest {

    @Test
    void ratesArePublicCacheableAndOnlyTheEligibleOnes() {
        Reply small = api().get("/v1/shipping/rates?country=GB&categories=BEDROOM&orderAmount=100.00");
        assertThat(small.status()).isEqualTo(200);
        assertThat(small.header("Cache-Control")).contains("public").contains("max-age=300");
        assertThat(codes(small)).containsExactly("STANDARD", "EXPRESS", "COLLECT_FROM_SHOWROOM");

        Reply big = api().get("/v1/shipping/rates?categories=KITCHEN&orderAmount=3000.00");
        assertThat(codes(big)).containsExactly("STANDARD", "EXPRESS", "NEXT_DAY", "COLLECT_FROM_SHOWROOM", "HOME_MEASUREMENT");
        JsonNode standard = big.data().get(0);
        assertThat(standard.get("isFree").asBoolean()).isTrue();
        assertThat(standard.get("effectiveCost").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(standard.get("price").decimalValue()).isEqualByComparingTo("9.95");
        assertThat(standard.get("freeThreshold").decimalValue()).isEqualByComparingTo("500.00");

        assertThat(api().get("/v1/shipping/rates?country=FR").data()).isEmpty();
        assertThat(api().get("/v1/shipping/rates?categories=GARDEN").status()).isEqualTo(400);
        assertThat(api().get("/v1/shipping/rates?orderAmount=1.234").status()).isEqualTo(400);
    }

    @Test
    void trackingShipsTheOrderAndDeliveryDeliversIt() {
        UUID user = UUID.randomUUID();
        UUID orderId = orderOf(user, "KITCHEN", "300.00", 1);
        UUID shipmentId = shipmentOf(orderId);

        Reply early = admin().patch("/v1/shipping/" + shipmentId + "/tracking", tracking("DPD", "TRK-" + shipmentId));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("INVALID_STATUS_TRANSITION");

        setStatus(orderId, "PROCESSING", "PAID");
        Reply shipped = admin().patch("/v1/shipping/" + shipmentId + "/tracking", tracking("DPD", "TRK-" + shipmentId));
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
        assertThat(shipped.data().get("status").asString()).isEqualTo("SHIPPED");
        assertThat(count("orders", "id = ? AND status = 'SHIPPED' AND shipped_at IS NOT NULL", orderId)).isEqualTo(1);
        JsonNode event = events("order.shipped", orderId).getFirst();
        assertThat(event.get("carrier").asString()).isEqualTo("DPD");
        assertThat(event.get("trackingUrl").asString()).isEqualTo("https://track.dpd.co.uk/TRK-" + shipmentId);

        assertThat(admin().patch("/v1/shipping/" + shipmentId + "/tracking", tracking("DPD", "X")).status()).isEqualTo(409);

        Reply delivered = admin().patch("/v1/shipping/" + shipmentId + "/delivered", body());
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.data().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(count("orders", "id = ? AND status = 'DELIVERED'", orderId)).isEqualTo(1);
        assertThat(events("order.delivered", orderId)).hasSize(1);
        assertThat(admin().patch("/v1/shipping/" + shipmentId + "/delivered", body()).status()).isEqualTo(409);

        Reply mine = customer(user).get("/v1/shipping/" + shipmentId);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.data().get("trackingNumber").asString()).isEqualTo("TRK-" + shipmentId);
        assertThat(customer(UUID.randomUUID()).get("/v1/shipping/" + shipmentId).status()).isEqualTo(404);
    }

    @Test
    void badTrackingInputIs400AndUnknownShipments404() {
        UUID shipmentId = shipmentOf(orderOf(UUID.randomUUID(), "KITCHEN", "300.00", 1));
        assertThat(admin().patch("/v1/shipping/" + shipmentId + "/tracking", body("carrier", "DPD")).status()).isEqualTo(400);
        assertThat(admin().patch("/v1/shipping/" + shipmentId + "/tracking",
                body("carrier", "DPD", "trackingNumber", "1", "trackingUrl", "javascript:alert(1)")).status()).isEqualTo(400);
        assertThat(admin().patch("/v1/shipping/" + UUID.randomUUID() + "/tracking", tracking("DPD", "1")).status()).isEqualTo(404);
        assertThat(customer(UUID.randomUUID()).patch("/v1/shipping/" + shipmentId + "/tracking", tracking("DPD", "1"))
                .status()).isEqualTo(403);
    }

    @Test
    void staffListShipmentsByOrderAndStatus() {
        UUID orderId = orderOf(UUID.randomUUID(), "KITCHEN", "300.00", 1);
        Reply list = admin().get("/v1/shipping?orderId=" + orderId + "&status=PENDING");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.data()).hasSize(1);
        assertThat(list.data().get(0).get("orderId").asString()).isEqualTo(orderId.toString());
        assertThat(list.data().get(0).get("shippingCost").decimalValue()).isEqualByComparingTo("9.95");
        assertThat(admin().get("/v1/shipping?status=LOST").status()).isEqualTo(400);
    }

    private UUID shipmentOf(UUID orderId) {
        return jdbc.sql("SELECT id FROM shipments WHERE order_id = ?").param(orderId).query(UUID.class).single();
    }

    private static java.util.Map<String, Object> tracking(String carrier, String number) {
        return body("carrier", carrier, "trackingNumber", number, "trackingUrl", "https://track.dpd.co.uk/" + number,
                "estimatedDelivery", "2030-01-15");
    }

    private static List<String> codes(Reply reply) {
        return reply.data().valueStream().map(n -> n.get("code").asString()).toList();
    }
}
