package uk.co.lomashwood.order.order;

import uk.co.lomashwood.platform.test.http.ServiceCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.order.order.ProductServiceStub.Product;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/orders}: server-side totals, strict input, idempotency, stock, numbering (spec 20 §2.4.2). */
class OrderCreationTest extends OrderIntegrationTest {

    @Test
    void placesAnOrderPricedOnTheServerWithAPaymentBlock() {
        UUID user = UUID.randomUUID();
        Product kitchen = Product.of("KITCHEN", "100.00");
        Product bedroom = Product.of("BEDROOM", "33.33");
        ProductServiceStub.catalogue(kitchen, bedroom);

        Reply created = placeOrder(user, orderBody(List.of(line(kitchen, 2), line(bedroom, 1)), STANDARD));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode data = created.data();
        // 200.00 + 33.33 net; delivery 9.95 (under £500); VAT 40.00 + 6.67 + 1.99
        assertThat(data.get("subtotal").decimalValue()).isEqualByComparingTo("233.33");
        assertThat(data.get("shippingAmount").decimalValue()).isEqualByComparingTo("9.95");
        assertThat(data.get("taxAmount").decimalValue()).isEqualByComparingTo("48.66");
        assertThat(data.get("totalAmount").decimalValue()).isEqualByComparingTo("291.94");
        assertThat(data.get("currency").asString()).isEqualTo("GBP");
        assertThat(data.get("status").asString()).isEqualTo("PENDING");
        assertThat(data.get("paymentStatus").asString()).isEqualTo("UNPAID");
        assertThat(data.get("orderNumber").asString()).matches("LW-" + Year.now().getValue() + "\\d{4,}");
        assertThat(data.get("payment").get("clientSecret").asString()).contains("_secret_");
        assertThat(created.header("Location")).endsWith("/v1/orders/" + data.get("orderId").asString());

        UUID orderId = UUID.fromString(data.get("orderId").asString());
        assertThat(count("order_items", "order_id = ?", orderId)).isEqualTo(2);
        assertThat(count("shipments", "order_id = ? AND status = 'PENDING' AND shipping_cost = 995", orderId)).isEqualTo(1);
        assertThat(count("order_status_history", "order_id = ? AND to_status = 'PENDING'", orderId)).isEqualTo(1);
        ProductServiceStub.server().verify(postRequestedFor(urlEqualTo("/internal/v1/inventory/reservations"))
                .withRequestBody(matchingJsonPath("$.orderId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(orderId.toString()))));

        List<JsonNode> createdEvents = events("order.created", orderId);
        assertThat(createdEvents).hasSize(1);
        JsonNode event = createdEvents.getFirst();
        assertThat(event.get("itemCount").asInt()).isEqualTo(3);
        assertThat(event.get("includesKitchen").asBoolean()).isTrue();
        assertThat(event.get("includesBedroom").asBoolean()).isTrue();
        assertThat(event.get("totalAmount").decimalValue()).isEqualByComparingTo("291.94");
        assertThat(event.get("items").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(event.get("source").asString()).isEqualTo("WEB");
    }

    @Test
    void orderNumbersFollowEachOtherWithoutGaps() {
        UUID user = UUID.randomUUID();
        List<Integer> sequence = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID orderId = orderOf(user, "KITCHEN", "10.00", 1);
            String number = jdbc.sql("SELECT order_number FROM orders WHERE id = ?").param(orderId).query(String.class).single();
            assertThat(number).matches("LW-\\d{4}\\d{4,}");
            sequence.add(Integer.parseInt(number.substring(7)));
        }
        assertThat(sequence.get(1)).isEqualTo(sequence.get(0) + 1);
        assertThat(sequence.get(2)).isEqualTo(sequence.get(1) + 1);
    }

    @Test
    void anyClientPriceOrAmountIsRefusedAsInvalidInput() {
        Product product = Product.of("KITCHEN", "100.00");
        ProductServiceStub.catalogue(product);
        Map<String, Object> pricedLine = line(product, 1);
        pricedLine.put("unitPrice", 0.01);
        Reply linePrice = placeOrder(UUID.randomUUID(), orderBody(List.of(pricedLine), STANDARD));
        assertThat(linePrice.status()).isEqualTo(400);
        assertThat(linePrice.code()).isEqualTo("VALIDATION_ERROR");

        Map<String, Object> withTotal = orderBody(List.of(line(product, 1)), STANDARD);
        withTotal.put("totalAmount", 1.00);
        assertThat(placeOrder(UUID.randomUUID(), withTotal).status()).isEqualTo(400);
        assertThat(count("orders", "shipping_address->>'fullName' = 'Jane Customer' AND subtotal < 100")).isZero();
    }

    @Test
    void replayWithTheSameKeyReturnsTheSameOrderAndCreatesOnlyOne() {
        UUID user = UUID.randomUUID();
        Product product = Product.of("KITCHEN", "250.00");
        ProductServiceStub.catalogue(product);
        Map<String, Object> order = orderBody(List.of(line(product, 1)), STANDARD);
        ServiceCaller caller = customer(user).idempotencyKey("checkout-" + UUID.randomUUID());

        Reply first = caller.post("/v1/orders", order);
        Reply replay = caller.post("/v1/orders", order);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.raw()).isEqualTo(first.raw());
        assertThat(count("orders", "user_id = ?", user)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyPlaceOneOrder() throws Exception {
        UUID user = UUID.randomUUID();
        Product product = Product.of("KITCHEN", "250.00");
        ProductServiceStub.catalogue(product);
        Map<String, Object> order = orderBody(List.of(line(product, 1)), STANDARD);
        ServiceCaller caller = customer(user).idempotencyKey("checkout-" + UUID.randomUUID());

        List<java.util.concurrent.Future<Reply>> replies = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                replies.add(pool.submit(() -> caller.post("/v1/orders", order)));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (var reply : replies) {
            statuses.add(reply.get().status());
        }

        assertThat(statuses).contains(201).allMatch(status -> status == 201 || status == 409);
        assertThat(count("orders", "user_id = ?", user)).isEqualTo(1);
        assertThat(count("payments", "order_id = (SELECT id FROM orders WHERE user_id = ?)", user)).isEqualTo(1);
    }

    @Test
    void reusingAKeyForADifferentBasketIsRefused() {
        UUID user = UUID.randomUUID();
        Product product = Product.of("KITCHEN", "250.00");
        ProductServiceStub.catalogue(product);
        ServiceCaller caller = customer(user).idempotencyKey("checkout-" + UUID.randomUUID());
        assertThat(caller.post("/v1/orders", orderBody(List.of(line(product, 1)), STANDARD)).status()).isEqualTo(201);

        Reply other = caller.post("/v1/orders", orderBody(List.of(line(product, 2)), STANDARD));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_MISMATCH");
        assertThat(count("orders", "user_id = ?", user)).isEqualTo(1);
    }

    @Test
    void anOrderWithoutAnIdempotencyKeyIsRefused() {
        Product product = Product.of("KITCHEN", "250.00");
        Reply reply = customer(UUID.randomUUID()).post("/v1/orders", orderBody(List.of(line(product, 1)), STANDARD));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void aStaleExpectedTotalIsAPriceMismatchWithTheFreshBreakdown() {
        UUID user = UUID.randomUUID();
        Product product = Product.of("KITCHEN", "100.00");
        ProductServiceStub.catalogue(product);
        Map<String, Object> order = orderBody(List.of(line(product, 1)), COLLECT);
        order.put("expectedTotalAmount", 100.00);

        Reply mismatch = placeOrder(user, order);

        assertThat(mismatch.status()).isEqualTo(409);
        assertThat(mismatch.code()).isEqualTo("PRICE_MISMATCH");
        assertThat(mismatch.json().get("breakdown").get("totalAmount").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(count("orders", "user_id = ?", user)).isZero();

        order.put("expectedTotalAmount", 120.00);
        assertThat(placeOrder(user, order).status()).isEqualTo(201);
    }

    @Test
    void unavailableLinesAreListedInA422() {
        Product fine = Product.of("KITCHEN", "100.00");
        Product draft = Product.of("KITCHEN", "80.00").unavailable("NOT_PUBLISHED");
        ProductServiceStub.catalogue(fine, draft);

        Reply reply = placeOrder(UUID.randomUUID(), orderBody(List.of(line(fine, 1), line(draft, 1)), STANDARD));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("PRODUCT_UNAVAILABLE");
        JsonNode details = reply.json().get("details");
        assertThat(details).hasSize(1);
        assertThat(details.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(details.get(0).get("reason").asString()).isEqualTo("NOT_PUBLISHED");
    }

    @Test
    void stockThatCannotBeReservedIsAConflictAndNoOrderIsStored() {
        UUID user = UUID.randomUUID();
        Product product = Product.of("BEDROOM", "400.00");
        ProductServiceStub.catalogue(product);
        ProductServiceStub.outOfStock(product);

        Reply reply = placeOrder(user, orderBody(List.of(line(product, 3)), STANDARD));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(reply.json().get("details").get(0).get("available").asInt()).isEqualTo(1);
        assertThat(count("orders", "user_id = ?", user)).isZero();
    }

    @Test
    void badInputIsRefusedWithAValidationProblem() {
        Product product = Product.of("KITCHEN", "10.00");
        ProductServiceStub.catalogue(product);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(line(product, 1));
        }
        List<Map<String, Object>> overTotal = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            overTotal.add(line(product, 100));
        }
        Map<String, Object> foreign = orderBody(List.of(line(product, 1)), STANDARD);
        Map<String, Object> france = address();
        france.put("country", "FR");
        foreign.put("shippingAddress", france);
        Map<String, Object> badPostcode = orderBody(List.of(line(product, 1)), STANDARD);
        Map<String, Object> notUk = address();
        notUk.put("postcode", "75001");
        badPostcode.put("shippingAddress", notUk);
        Map<String, Object> oddPoints = orderBody(List.of(line(product, 1)), STANDARD);
        oddPoints.put("loyaltyPoints", 150);
        Map<String, Object> fewPoints = orderBody(List.of(line(product, 1)), STANDARD);
        fewPoints.put("loyaltyPoints", 50);

        for (Map<String, Object> order : List.of(orderBody(List.of(), STANDARD), orderBody(tooMany, STANDARD),
                orderBody(List.of(line(product, 0)), STANDARD), orderBody(List.of(line(product, 101)), STANDARD),
                orderBody(overTotal, STANDARD), foreign, badPostcode, oddPoints, fewPoints)) {
            Reply reply = placeOrder(UUID.randomUUID(), order);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
        }
        assertThat(customer(UUID.randomUUID()).idempotencyKey("broken").post("/v1/orders", "{\"items\": [").status()).isEqualTo(400);
    }

    @Test
    void postcodesAreStoredUpperCaseWithOneSpace() {
        UUID user = UUID.randomUUID();
        UUID orderId = orderOf(user, "KITCHEN", "100.00", 1);
        String postcode = jdbc.sql("SELECT shipping_address->>'postcode' FROM orders WHERE id = ?").param(orderId)
                .query(String.class).single();
        assertThat(postcode).isEqualTo("SW1A 2AA");
    }

    @Test
    void theCustomersEmailComesFromTheirAccountWhenNotSent() {
        UUID user = UUID.randomUUID();
        Product product = Product.of("KITCHEN", "100.00");
        ProductServiceStub.catalogue(product);
        Map<String, Object> order = orderBody(List.of(line(product, 1)), STANDARD);
        order.remove("customerEmail");

        Reply created = placeOrder(user, order);

        assertThat(created.status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT customer_email FROM orders WHERE user_id = ?").param(user).query(String.class).single())
                .isEqualTo("profile.customer@example.com");
    }

    @Test
    void aDeliveryMethodThatDoesNotFitTheBasketIsRefused() {
        Product bedroom = Product.of("BEDROOM", "3000.00");
        ProductServiceStub.catalogue(bedroom);
        Reply reply = placeOrder(UUID.randomUUID(), orderBody(List.of(line(bedroom, 1)), NEXT_DAY));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("SHIPPING_METHOD_UNAVAILABLE");
    }

    @Test
    void staffPlaceOrdersOnBehalfOfACustomerOnly() {
        UUID customerId = UUID.randomUUID();
        Product product = Product.of("KITCHEN", "100.00");
        ProductServiceStub.catalogue(product);
        Map<String, Object> order = orderBody(List.of(line(product, 1)), STANDARD);

        assertThat(admin().idempotencyKey(UUID.randomUUID().toString()).post("/v1/orders", order).code()).isEqualTo("VALIDATION_ERROR");
        order.put("userId", customerId);
        Reply created = admin().idempotencyKey(UUID.randomUUID().toString()).post("/v1/orders", order);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(count("orders", "user_id = ? AND source = 'ADMIN'", customerId)).isEqualTo(1);

        assertThat(placeOrder(UUID.randomUUID(), order).code()).isEqualTo("VALIDATION_ERROR");
        assertThat(api().idempotencyKey("k").post("/v1/orders", order).status()).isEqualTo(401);
    }
}
