package uk.co.lomashwood.order.order;

import uk.co.lomashwood.platform.test.http.ServiceCaller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.order.order.ProductServiceStub.Product;
import uk.co.lomashwood.platform.test.PlatformTestProperties;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the order helper's integration tests: one shared context on a random port against embedded PostgreSQL
 * ({@code order_it}) and Redis, product-service/auth-service stubbed by WireMock, payments through the real
 * {@code OrderPayments} and the offline provider (its signed webhooks come back to this service). Jobs, relay and
 * consumers are off; tests drive them directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lomash.events.consumer.enabled=false",
        "lomash.events.relay.enabled=false",
        "lomash.order.jobs-enabled=false",
        "lomash.stripe.offline-webhook-url=http://127.0.0.1:${local.server.port}/v1/webhooks/stripe",
        "LOMASH_DATA_DIR=target/test-data"})
public abstract class OrderIntegrationTest {

    public static final String STANDARD = "0190f5a0-0000-7000-8000-000000000001";
    public static final String NEXT_DAY = "0190f5a0-0000-7000-8000-000000000003";
    public static final String COLLECT = "0190f5a0-0000-7000-8000-000000000004";

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "order_it");
        registry.add("lomash.services.product-url", ProductServiceStub::baseUrl);
        registry.add("lomash.services.auth-url", ProductServiceStub::baseUrl);
        registry.add("lomash.services.customer-url", () -> "http://127.0.0.1:9");
    }

    protected ServiceCaller api() {
        return new ServiceCaller(port);
    }

    protected ServiceCaller customer(UUID userId) {
        return api().as(userId, "CUSTOMER");
    }

    protected ServiceCaller admin() {
        return api().as(UUID.randomUUID(), "ADMIN");
    }

    protected static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    protected static Map<String, Object> address() {
        return body("fullName", "Jane Customer", "addressLine1", "10 Downing Street", "city", "London",
                "postcode", "sw1a2aa", "country", "GB", "phone", "+447700900123");
    }

    protected static Map<String, Object> line(Product product, int quantity) {
        return body("productId", product.productId(), "quantity", quantity);
    }

    /** An OrderCreate for the given lines (standard delivery, email sent). */
    protected static Map<String, Object> orderBody(List<Map<String, Object>> lines, String shippingMethodId) {
        return body("items", lines, "shippingMethodId", shippingMethodId, "shippingAddress", address(),
                "customerEmail", "jane@example.com");
    }

    protected Reply placeOrder(UUID userId, Map<String, Object> order) {
        return customer(userId).idempotencyKey(UUID.randomUUID().toString()).post("/v1/orders", order);
    }

    /** Places a one-line order of a fresh product and returns its id. */
    protected UUID orderOf(UUID userId, String category, String unitPrice, int quantity) {
        Product product = Product.of(category, unitPrice);
        ProductServiceStub.catalogue(product);
        Reply created = placeOrder(userId, orderBody(List.of(line(product, quantity)), STANDARD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.data().get("orderId").asString());
    }

    /**
     * Pays the order's first attempt with the offline provider's test card and waits for its signed webhook to confirm
     * the order (the same path Stripe takes).
     */
    protected void payByCard(UUID userId, UUID orderId) {
        Map<String, Object> intent = jdbc.sql("""
                        SELECT stripe_payment_intent_id AS id, stripe_client_secret AS secret FROM payments
                         WHERE order_id = ? AND attempt_no = 1""").param(orderId).query().singleRow();
        Reply confirmed = customer(userId).post("/v1/payments/offline/confirm", body("paymentIntentId", intent.get("id"),
                "clientSecret", intent.get("secret"), "paymentMethod", "pm_card_visa"));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        long deadline = System.currentTimeMillis() + 20_000;
        while (count("orders", "id = ? AND payment_status = 'PAID' AND status = 'CONFIRMED'", orderId) == 0) {
            assertThat(System.currentTimeMillis()).as("order %s confirmed by the webhook", orderId).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    protected void setStatus(UUID orderId, String status, String paymentStatus) {
        jdbc.sql("UPDATE orders SET status = ?, payment_status = ?, confirmed_at = CASE WHEN ? = 'PENDING' THEN NULL ELSE now() END WHERE id = ?")
                .params(status, paymentStatus, status, orderId).update();
    }

    /** {@code data} of the outbox events of {@code topic} for this aggregate, oldest first. */
    protected List<JsonNode> events(String topic, UUID aggregateId) {
        return jdbc.sql("SELECT payload::text FROM outbox WHERE topic = ? AND aggregate_id = ? ORDER BY created_at")
                .params(topic, aggregateId.toString()).query(String.class).list().stream()
                .map(json -> HttpCalls.JSON.readTree(json).get("data")).toList();
    }

    protected long count(String table, String where, Object... params) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + where).params(Arrays.asList(params))
                .query(Long.class).single();
    }
}
