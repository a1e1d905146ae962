package uk.co.lomashwood.order.order;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Cancellation (spec 20 §2.4.4), the admin status machine (§2.4.3), edits and soft delete. */
class OrderLifecycleTest extends OrderIntegrationTest {

    @Test
    void aCustomerCancelsAPendingOrderAndTheStockIsReleasedThroughTheEvent() {
        UUID user = UUID.randomUUID();
        UUID orderId = orderOf(user, "KITCHEN", "75.00", 2);

        Reply reply = customer(user).post("/v1/orders/" + orderId + "/cancel", body("reason", "Changed my mind"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.data().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(reply.data().get("refundInitiated").asBoolean()).isFalse();
        assertThat(count("payments", "order_id = ? AND status = 'CANCELLED' AND cancellation_source = 'CUSTOMER'", orderId))
                .isEqualTo(1);
        assertThat(count("orders", "id = ? AND status = 'CANCELLED' AND cancellation_reason = 'CUSTOMER_REQUEST' "
                + "AND cancellation_note = 'Changed my mind'", orderId)).isEqualTo(1);
        JsonNode event = events("order.cancelled", orderId).getFirst();
        assertThat(event.get("previousStatus").asString()).isEqualTo("PENDING");
        assertThat(event.get("initiator").asString()).isEqualTo("CUSTOMER");
        assertThat(event.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(event.get("customer").get("email").asString()).isEqualTo("jane@example.com");
    }

    @Test
    void aPaidOrderCancelledWithinADayIsRefunded() {
        UUID user = UUID.randomUUID();
        UUID orderId = orderOf(user, "KITCHEN", "75.00", 1);
        payByCard(user, orderId);

        Reply reply = customer(user).post("/v1/orders/" + orderId + "/cancel", body("reason", "Found it cheaper"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().get("refundInitiated").asBoolean()).isTrue();
        assertThat(reply.data().get("refundId").asString()).isNotBlank();
        assertThat(count("refunds", "id = ? AND order_id = ? AND reason = 'ORDER_CANCELLED' AND initiator = 'SYSTEM' "
                + "AND amount = 10194", UUID.fromString(reply.data().get("refundId").asString()), orderId)).isEqualTo(1);
        assertThat(events("order.cancelled", orderId).getFirst().get("refundInitiated").asBoolean()).isTrue();
    }

    @Test
    void aCustomerCannotCancelAfterTheWindowOrOnceProcessing() {
        UUID user = UUID.randomUUID();
        UUID late = orderOf(user, "KITCHEN", "75.00", 1);
        setStatus(late, "CONFIRMED", "PAID");
        jdbc.sql("UPDATE orders SET confirmed_at = now() - interval '25 hours' WHERE id = ?").param(late).update();
        UUID processing = orderOf(user, "KITCHEN", "75.00", 1);
        setStatus(processing, "PROCESSING", "PAID");

        for (UUID id : List.of(late, processing)) {
            Reply reply = customer(user).post("/v1/orders/" + id + "/cancel", body("reason", "too late"));
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.code()).isEqualTo("ORDER_NOT_CANCELLABLE");
        }
        assertThat(admin().post("/v1/orders/" + processing + "/cancel", body("reason", "Out of stock")).status()).isEqualTo(200);
        assertThat(customer(user).post("/v1/orders/" + late + "/cancel", body("reason", "")).status()).isEqualTo(400);
    }

    @Test
    void cancellingGivesTheCouponUseBack() {
        UUID couponId = coupon("SPRING10", 10, 5);
        UUID user = UUID.randomUUID();
        ProductServiceStub.Product product = ProductServiceStub.Product.of("KITCHEN", "200.00");
        ProductServiceStub.catalogue(product);
        Map<String, Object> order = orderBody(List.of(line(product, 1)), STANDARD);
        order.put("couponCode", "spring10");
        Reply created = placeOrder(user, order);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().get("discountAmount").decimalValue()).isEqualByComparingTo("20.00");
        UUID orderId = UUID.fromString(created.data().get("orderId").asString());
        assertThat(count("coupons", "id = ? AND usage_count = 1", couponId)).isEqualTo(1);
        assertThat(count("coupon_usages", "order_id = ? AND status = 'RESERVED' AND discount_amount = 2000", orderId)).isEqualTo(1);

        assertThat(placeOrder(user, order).code()).isEqualTo("COUPON_INVALID");

        customer(user).post("/v1/orders/" + orderId + "/cancel", body("reason", "later"));
        assertThat(count("coupons", "id = ? AND usage_count = 0", couponId)).isEqualTo(1);
        assertThat(count("coupon_usages", "order_id = ? AND status = 'RELEASED'", orderId)).isEqualTo(1);
    }

    @Test
    void staffMoveOrdersOnlyAlongTheStateMachine() {
        UUID orderId = orderOf(UUID.randomUUID(), "KITCHEN", "75.00", 1);
        for (String target : List.of("SHIPPED", "CONFIRMED", "EXPIRED", "REFUNDED", "COMPLETED", "PROCESSING")) {
            Reply refused = admin().patch("/v1/orders/" + orderId + "/status", body("status", target));
            assertThat(refused.status()).as(target).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        }
        setStatus(orderId, "CONFIRMED", "PAID");
        for (String target : List.of("PROCESSING", "SHIPPED", "DELIVERED", "COMPLETED")) {
            Reply moved = admin().patch("/v1/orders/" + orderId + "/status", body("status", target, "notes", "step"));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.data().get("status").asString()).isEqualTo(target);
        }
        assertThat(events("order.shipped", orderId)).hasSize(1);
        assertThat(events("order.delivered", orderId)).hasSize(1);
        JsonNode completed = events("order.completed", orderId).getFirst();
        assertThat(completed.get("totalAmount").decimalValue()).isEqualByComparingTo("101.94");
        assertThat(count("order_status_history", "order_id = ? AND field = 'status'", orderId)).isEqualTo(5);
        assertThat(admin().patch("/v1/orders/" + orderId + "/status", body("status", "CANCELLED")).code())
                .isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(admin().patch("/v1/orders/" + orderId + "/status", body("status", "LOST")).status()).isEqualTo(400);
        assertThat(customer(UUID.randomUUID()).patch("/v1/orders/" + orderId + "/status", body("status", "COMPLETED"))
                .status()).isEqualTo(403);
    }

    @Test
    void staffEditAddressesAndNotesUntilTheOrderShips() {
        UUID orderId = orderOf(UUID.randomUUID(), "KITCHEN", "75.00", 1);
        Map<String, Object> moved = address();
        moved.put("postcode", "m1 1ae");
        moved.put("city", "Manchester");

        Reply edited = admin().patch("/v1/orders/" + orderId, body("shippingAddress", moved, "internalNotes", "Gate code 1234"));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.data().get("shippingAddress").get("postcode").asString()).isEqualTo("M1 1AE");
        assertThat(edited.data().get("internalNotes").asString()).isEqualTo("Gate code 1234");
        assertThat(edited.data().get("totalAmount").decimalValue()).isEqualByComparingTo("101.94");
        assertThat(jdbc.sql("SELECT shipping_address->>'city' FROM shipments WHERE order_id = ?").param(orderId)
                .query(String.class).single()).isEqualTo("Manchester");

        assertThat(admin().patch("/v1/orders/" + orderId, body("totalAmount", 1)).status()).isEqualTo(400);
        assertThat(admin().patch("/v1/orders/" + orderId, body("customerEmail", null)).status()).isEqualTo(400);
        assertThat(admin().patch("/v1/orders/" + orderId, body()).status()).isEqualTo(400);
        moved.put("country", "FR");
        assertThat(admin().patch("/v1/orders/" + orderId, body("billingAddress", moved)).status()).isEqualTo(400);

        setStatus(orderId, "SHIPPED", "PAID");
        Reply locked = admin().patch("/v1/orders/" + orderId, body("notes", "too late"));
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.code()).isEqualTo("ORDER_NOT_EDITABLE");
    }

    @Test
    void onlyCancelledOrExpiredUnpaidOrdersCanBeDeleted() {
        UUID orderId = orderOf(UUID.randomUUID(), "KITCHEN", "75.00", 1);
        Reply refused = admin().delete("/v1/orders/" + orderId);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("ORDER_NOT_DELETABLE");

        setStatus(orderId, "CANCELLED", "UNPAID");
        assertThat(admin().delete("/v1/orders/" + orderId).status()).isEqualTo(204);
        assertThat(admin().get("/v1/orders/" + orderId).status()).isEqualTo(404);
        assertThat(admin().delete("/v1/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void bulkStatusChangesEachOrderAlongTheStateMachine() {
        UUID confirmed = orderOf(UUID.randomUUID(), "KITCHEN", "75.00", 1);
        setStatus(confirmed, "CONFIRMED", "PAID");
        UUID pending = orderOf(UUID.randomUUID(), "KITCHEN", "75.00", 1);
        UUID missing = UUID.randomUUID();

        Reply reply = admin().post("/v1/orders/bulk/status", body("orderIds", List.of(confirmed, pending, missing),
                "status", "PROCESSING"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.data().get("updated").get(0).asString()).isEqualTo(confirmed.toString());
        assertThat(reply.data().get("failed").valueStream().map(f -> f.get("error").asString()).toList())
                .containsExactly("INVALID_STATUS_TRANSITION", "ORDER_NOT_FOUND");
        assertThat(admin().post("/v1/orders/bulk/status", body("orderIds", List.of(), "status", "PROCESSING")).status())
                .isEqualTo(400);
    }

    @Test
    void ordersAreFoundByNumberWithTheSameVisibility() {
        UUID user = UUID.randomUUID();
        UUID orderId = orderOf(user, "KITCHEN", "75.00", 1);
        String number = jdbc.sql("SELECT order_number FROM orders WHERE id = ?").param(orderId).query(String.class).single();
        assertThat(customer(user).get("/v1/orders/number/" + number).data().get("id").asString()).isEqualTo(orderId.toString());
        assertThat(customer(UUID.randomUUID()).get("/v1/orders/number/" + number).status()).isEqualTo(404);

        jdbc.sql("UPDATE orders SET payment_status = 'PROCESSING', created_at = now() - interval '30 hours' WHERE id = ?")
                .param(orderId).update();
        assertThat(admin().get("/v1/orders/pending/stale?hours=24").data().valueStream()
                .map(o -> o.get("id").asString())).contains(orderId.toString());
        assertThat(admin().get("/v1/orders/pending/stale?hours=0").status()).isEqualTo(400);
    }

    @Test
    void aCustomerMayCancelAtMostFiveTimesAnHour() {
        UUID user = UUID.randomUUID();
        UUID orderId = orderOf(user, "KITCHEN", "75.00", 1);
        setStatus(orderId, "SHIPPED", "PAID");
        for (int i = 0; i < 5; i++) {
            assertThat(customer(user).post("/v1/orders/" + orderId + "/cancel", body("reason", "again")).status()).isEqualTo(409);
        }
        Reply limited = customer(user).post("/v1/orders/" + orderId + "/cancel", body("reason", "again"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    private UUID coupon(String code, int percent, int maxUses) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO coupons (id, code, name, discount_type, discount_percent, max_usage_count, valid_from)
                        VALUES (?, ?, 'Spring sale', 'PERCENTAGE', ?, ?, now() - interval '1 day')""")
                .params(id, code, percent, maxUses).update();
        return id;
    }
}
