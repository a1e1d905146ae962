package uk.co.lomashwood.product.inventory;

import uk.co.lomashwood.platform.test.http.HttpCalls;
import org.junit.jupiter.api.Test;
import uk.co.lomashwood.product.support.ProductIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Internal reserve / commit / release (spec 20 §1.4.4): never oversell, idempotent per order. */
class StockReservationTest extends ProductIntegrationTest {

    @Test
    void fiftyParallelReservationsForTheLastFiveUnitsLetExactlyFiveThrough() throws Exception {
        UUID productId = product(productBody(unique("Last units"), List.of(colour(unique("Teal")))));
        stock(productId, 5);

        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                replies.add(pool.submit(() -> reserve(UUID.randomUUID(), productId, 1)));
            }
        }
        int created = 0;
        int refused = 0;
        for (Future<Reply> reply : replies) {
            Reply r = reply.get();
            if (r.status() == 201) {
                created++;
            } else {
                assertThat(r.status()).as(r.toString()).isEqualTo(409);
                assertThat(r.code()).isEqualTo("INSUFFICIENT_STOCK");
                refused++;
            }
        }
        assertThat(created).isEqualTo(5);
        assertThat(refused).isEqualTo(45);
        List<String> levels = jdbc.sql("SELECT payload->'data'->>'level' FROM outbox WHERE topic = 'product.inventory.low' "
                + "AND payload->'data'->>'productId' = ? ORDER BY created_at").param(productId.toString())
                .query(String.class).list();
        assertThat(levels).containsExactly("OUT_OF_STOCK");
        assertThat(jdbc.sql("SELECT reserved_quantity FROM inventory WHERE product_id = ?").param(productId)
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void aRepeatedReservationForTheSameOrderReturnsTheExistingSet() {
        UUID productId = product(productBody(unique("Repeat"), List.of(colour(unique("Plum")))));
        stock(productId, 10);
        UUID order = UUID.randomUUID();

        Reply first = reserve(order, productId, 3);
        Reply again = reserve(order, productId, 3);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().get("reservations").get(0).get("id").asString())
                .isEqualTo(first.data().get("reservations").get(0).get("id").asString());
        assertThat(available(productId)).isEqualTo(7);
    }

    @Test
    void anOrderIsAllOrNothingAndReportsTheShortLines() {
        UUID colour = colour(unique("Moss"));
        UUID plenty = product(productBody(unique("Plenty"), List.of(colour)));
        UUID scarce = product(productBody(unique("Scarce"), List.of(colour)));
        stock(plenty, 10);
        stock(scarce, 1);

        Reply reply = api().post("/internal/v1/inventory/reservations", body("orderId", UUID.randomUUID(),
                "expiresAt", Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                "items", List.of(body("productId", plenty, "quantity", 2), body("productId", scarce, "quantity", 2))));

        assertThat(reply.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(reply.json().get("details").get(0).get("productId").asString()).isEqualTo(scarce.toString());
        assertThat(reply.json().get("details").get(0).get("available").asInt()).isEqualTo(1);
        assertThat(available(plenty)).isEqualTo(10);
    }

    @Test
    void commitTakesStockOffTheShelfAndReleaseGivesItBackBothIdempotently() {
        UUID colour = colour(unique("Sand"));
        UUID productId = product(productBody(unique("Commit"), List.of(colour)));
        stock(productId, 8);
        UUID paid = UUID.randomUUID();
        UUID abandoned = UUID.randomUUID();
        reserve(paid, productId, 3);
        reserve(abandoned, productId, 2);

        assertThat(api().post("/internal/v1/inventory/reservations/" + paid + "/commit", null).status()).isEqualTo(200);
        assertThat(api().post("/internal/v1/inventory/reservations/" + paid + "/commit", null).status()).isEqualTo(200);
        assertThat(api().post("/internal/v1/inventory/reservations/" + abandoned + "/release", null).status()).isEqualTo(200);
        assertThat(api().post("/internal/v1/inventory/reservations/" + abandoned + "/release", null).status()).isEqualTo(200);

        Map<String, Object> row = jdbc.sql("SELECT quantity, reserved_quantity FROM inventory WHERE product_id = ?")
                .param(productId).query().singleRow();
        assertThat(row).containsEntry("quantity", 5).containsEntry("reserved_quantity", 0);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE topic = 'product.inventory.updated' AND payload::text LIKE ?")
                .param("%" + paid + "%").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void priceCheckReportsNetPriceStockAndWhyALineCannotBeOrdered() {
        UUID colour = colour(unique("Rust"));
        UUID live = product(productBody(unique("Priced"), List.of(colour), "price", 2500));
        UUID onRequest = product(productBody(unique("On request"), List.of(colour), "price", null));
        stock(live, 4);

        Reply reply = api().post("/internal/v1/products/price-check", body("items", List.of(
                body("productId", live, "colourId", colour, "quantity", 2),
                body("productId", onRequest, "quantity", 1),
                body("productId", UUID.randomUUID(), "quantity", 1))));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        var items = reply.data().get("items");
        assertThat(items.get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("2500.00");
        assertThat(items.get(0).get("purchasable").asBoolean()).isTrue();
        assertThat(items.get(0).get("availableQuantity").asInt()).isEqualTo(4);
        assertThat(items.get(1).get("reason").asString()).isEqualTo("PRICE_ON_REQUEST");
        assertThat(items.get(2).get("reason").asString()).isEqualTo("PRODUCT_NOT_FOUND");
    }

    @org.springframework.beans.factory.annotation.Autowired
    ReservationSweeper sweeper;

    @Test
    void expiredReservationsAreSweptAndTheirStockFreed() {
        UUID productId = product(productBody(unique("Expiring"), List.of(colour(unique("Ochre")))));
        stock(productId, 2);
        UUID order = UUID.randomUUID();
        Reply reply = api().post("/internal/v1/inventory/reservations", body("orderId", order,
                "expiresAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString(),
                "items", List.of(body("productId", productId, "quantity", 2))));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(available(productId)).isZero();

        sweeper.sweep();

        assertThat(available(productId)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT status FROM inventory_reservations WHERE order_id = ?").param(order)
                .query(String.class).single()).isEqualTo("EXPIRED");
    }

    @Test
    void adminsRestockAndWriteOffOnlyUnreservedStockWithAMovementEach() {
        UUID productId = product(productBody(unique("Restock"), List.of(colour(unique("Mint")))));
        Reply restock = admin().post("/v1/inventory/increment", body("productId", productId, "quantity", 5,
                "reason", "delivery"));
        assertThat(restock.status()).as(restock.toString()).isEqualTo(200);
        assertThat(restock.data().get("quantity").asInt()).isEqualTo(5);
        assertThat(reserve(UUID.randomUUID(), productId, 2).status()).isEqualTo(201);

        assertThat(admin().post("/v1/inventory/decrement", body("productId", productId, "quantity", 4,
                "type", "DAMAGE")).code()).isEqualTo("INSUFFICIENT_STOCK");
        Reply writeOff = admin().post("/v1/inventory/decrement", body("productId", productId, "quantity", 3,
                "type", "DAMAGE", "reason", "water damage"));
        assertThat(writeOff.data().get("quantity").asInt()).isEqualTo(2);
        assertThat(writeOff.data().get("availableQuantity").asInt()).isZero();
        assertThat(jdbc.sql("SELECT type FROM inventory_movements m JOIN inventory i ON i.id = m.inventory_id "
                + "WHERE i.product_id = ? ORDER BY m.created_at").param(productId).query(String.class).list())
                .containsExactly("RESTOCK", "RESERVE", "DAMAGE");
        assertThat(api().as("CONSULTANT").get("/v1/inventory/product/" + productId).status()).isEqualTo(200);
        String rowId = writeOff.data().get("id").asString();
        assertThat(admin().get("/v1/inventory/" + rowId).data().get("productTitle").asString()).startsWith("Restock");
        assertThat(admin().get("/v1/inventory/reserved").data().toString()).contains(rowId);
        assertThat(admin().get("/v1/inventory/out-of-stock").data().toString()).contains(rowId);
        assertThat(admin().get("/v1/inventory/stats").data().get("totalReserved").asLong()).isPositive();
        assertThat(admin().get("/v1/inventory/" + UUID.randomUUID()).code()).isEqualTo("INVENTORY_NOT_FOUND");
        assertThat(api().as("CONSULTANT").get("/v1/inventory/stats").status()).isEqualTo(403);
        assertThat(api().as("CUSTOMER").get("/v1/inventory/product/" + productId).status()).isEqualTo(403);
    }

    @org.springframework.beans.factory.annotation.Autowired
    OrderEventsHandler orderEvents;

    @Test
    void orderEventsCommitReturnAndReleaseStock() {
        UUID productId = product(productBody(unique("Evented stock"), List.of(colour(unique("Cobalt")))));
        stock(productId, 10);
        UUID confirmed = UUID.randomUUID();
        UUID expired = UUID.randomUUID();
        reserve(confirmed, productId, 4);
        reserve(expired, productId, 3);

        orderEvents.handle(event("order.confirmed", body("orderId", confirmed.toString())));
        orderEvents.handle(event("order.expired", body("orderId", expired.toString())));
        assertThat(jdbc.sql("SELECT quantity FROM inventory WHERE product_id = ?").param(productId)
                .query(Integer.class).single()).isEqualTo(6);
        assertThat(available(productId)).isEqualTo(6);
        assertThat(jdbc.sql("SELECT last_ordered_at IS NOT NULL FROM products WHERE id = ?").param(productId)
                .query(Boolean.class).single()).isTrue();

        orderEvents.handle(event("order.cancelled", body("orderId", confirmed.toString(), "previousStatus", "CONFIRMED")));
        orderEvents.handle(event("order.cancelled", body("orderId", confirmed.toString(), "previousStatus", "CONFIRMED")));
        assertThat(available(productId)).isEqualTo(10);
    }

    private static uk.co.lomashwood.platform.events.EventEnvelope event(String topic, Map<String, Object> data) {
        return new uk.co.lomashwood.platform.events.EventEnvelope(UUID.randomUUID(), topic, "1.0", Instant.now(),
                "order-payment-service", UUID.randomUUID().toString(), null, Map.of(),
                HttpCalls.JSON.valueToTree(data));
    }

    private Reply reserve(UUID orderId, UUID productId, int quantity) {
        return api().post("/internal/v1/inventory/reservations", body("orderId", orderId,
                "expiresAt", Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                "items", List.of(body("productId", productId, "quantity", quantity))));
    }

    private void stock(UUID productId, int quantity) {
        jdbc.sql("UPDATE inventory SET quantity = ?, status = 'IN_STOCK' WHERE product_id = ?").params(quantity, productId)
                .update();
    }

    private int available(UUID productId) {
        return jdbc.sql("SELECT available_quantity FROM inventory WHERE product_id = ?").param(productId)
                .query(Integer.class).single();
    }
}
