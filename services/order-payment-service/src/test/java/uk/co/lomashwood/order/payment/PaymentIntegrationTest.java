package uk.co.lomashwood.order.payment;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.lomashwood.platform.test.PlatformTestProperties;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;

/**
 * Base of the payment and webhook tests: one Spring context on a random port against the embedded PostgreSQL
 * ({@code order_payment_pay_it}) and Redis, with the test ports of {@link PaymentTestPorts}. Orders are inserted
 * with SQL (the order helper's creation flow is not in main yet); each test works on its own orders.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lomash.events.consumer.enabled=false", "lomash.demo.seed=false", "lomash.order.jobs-enabled=false",
        "LOMASH_DATA_DIR=target/test-data"})
@Import(PaymentTestPorts.class)
public abstract class PaymentIntegrationTest {

    public static final UUID STANDARD_DELIVERY = UUID.fromString("0190f5a0-0000-7000-8000-000000000001");

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ScriptedGateway gateway;
    @Autowired
    protected RecordingPorts ports;
    @Value("${lomash.stripe.webhook-secret}")
    protected String webhookSecret;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "order_payment_pay_it");
    }

    // --- callers ---

    protected Map<String, String> as(UUID userId, String role) {
        return Map.of("X-Internal-Token", PlatformTestProperties.INTERNAL_TOKEN, "X-User-Id", userId.toString(),
                "X-User-Role", role, "X-Session-Id", UUID.randomUUID().toString());
    }

    protected Reply call(Map<String, String> headers, String method, String path, Object body) {
        return HttpCalls.send("http://127.0.0.1:" + port + path, headers, method, body);
    }

    protected Reply createIntent(UUID userId, String idempotencyKey, Object body) {
        Map<String, String> headers = new LinkedHashMap<>(as(userId, "CUSTOMER"));
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return call(headers, "POST", "/v1/payments/create-intent", body);
    }

    protected Reply createIntent(UUID userId, UUID orderId) {
        return createIntent(userId, UUID.randomUUID().toString(), Map.of("orderId", orderId));
    }

    // --- test data ---

    /** A PENDING, UNPAID order of {@code userId} worth {@code total} pence, with one kitchen line. */
    protected TestOrder order(UUID userId, long total) {
        UUID id = UUID.randomUUID();
        String number = "LW-9" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        long tax = Math.round(total / 6.0);
        jdbc.sql("""
                        INSERT INTO orders (id, order_number, user_id, customer_email, customer_name, customer_phone,
                               subtotal, tax_amount, total_amount, shipping_method_id, shipping_address, billing_address,
                               expires_at)
                        VALUES (:id, :number, :userId, :email, 'Priya Shah', '07700 900123', :subtotal, :tax, :total,
                               :shipping, CAST(:address AS jsonb), CAST(:address AS jsonb), :expires)""")
                .param("id", id).param("number", number).param("userId", userId)
                .param("email", "priya." + id.toString().substring(0, 8) + "@example.com")
                .param("subtotal", total - tax).param("tax", tax).param("total", total).param("shipping", STANDARD_DELIVERY)
                .param("address", """
                        {"fullName": "Priya Shah", "addressLine1": "12 Mill Lane", "city": "Leeds",
                         "postcode": "LS1 4AB", "country": "GB"}""")
                .param("expires", Timestamp.from(Instant.now().plus(Duration.ofMinutes(30))))
                .update();
        jdbc.sql("""
                        INSERT INTO order_items (id, order_id, product_id, product_title, category, quantity, unit_price,
                               total_price, tax_amount)
                        VALUES (?, ?, ?, 'Shaker oak kitchen', 'KITCHEN', 1, ?, ?, ?)""")
                .params(UUID.randomUUID(), id, UUID.randomUUID(), total - tax, total - tax, tax).update();
        return new TestOrder(id, number, userId, total);
    }

    protected TestOrder order() {
        return order(UUID.randomUUID(), 120_000);
    }

    /** Opens attempt 1 the way order creation does and returns its intent id. */
    protected String firstAttempt(TestOrder order) {
        return payments().startFirstAttempt(order.id()).paymentIntentId();
    }

    @Autowired
    private PaymentAttempts paymentAttempts;

    protected PaymentAttempts payments() {
        return paymentAttempts;
    }

    // --- webhooks ---

    /** A Stripe event of {@code type} around {@code object}, as Stripe serialises it. */
    protected String event(String type, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("object", "event");
        event.put("api_version", "2024-06-20");
        event.put("created", Instant.now().getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("type", type);
        return HttpCalls.JSON.writeValueAsString(event);
    }

    protected String intentEvent(String type, String intentId) {
        return event(type, Map.of("id", intentId, "object", "payment_intent"));
    }

    /** Posts the raw payload signed like Stripe, straight to the service (no internal token, as Stripe would). */
    protected Reply deliver(String payload) {
        return deliverSigned(payload, StripeSignatures.header(webhookSecret, Instant.now().getEpochSecond(), payload));
    }

    protected Reply deliverSigned(String payload, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        if (signature != null) {
            headers.put("Stripe-Signature", signature);
        }
        return HttpCalls.send("http://127.0.0.1:" + port + "/v1/webhooks/stripe", headers, "POST", payload);
    }

    // --- reads ---

    protected Map<String, Object> orderState(UUID orderId) {
        return jdbc.sql("SELECT status, payment_status, amount_paid FROM orders WHERE id = ?").param(orderId)
                .query((rs, n) -> Map.<String, Object>of("status", rs.getString(1), "paymentStatus", rs.getString(2),
                        "amountPaid", rs.getLong(3)))
                .single();
    }

    protected String attemptStatus(String intentId) {
        return jdbc.sql("SELECT status FROM payments WHERE stripe_payment_intent_id = ?").param(intentId)
                .query(String.class).single();
    }

    protected long outbox(String topic, UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE topic = ? AND aggregate_id = ?")
                .params(topic, orderId.toString()).query(Long.class).single();
    }

    protected String outboxData(String topic, UUID orderId) {
        return jdbc.sql("""
                        SELECT (payload -> 'data')::text FROM outbox WHERE topic = ? AND aggregate_id = ?
                        ORDER BY created_at DESC LIMIT 1""")
                .params(topic, orderId.toString()).query(String.class).single();
    }

    protected long history(UUID orderId, String field, String to) {
        return jdbc.sql("SELECT count(*) FROM order_status_history WHERE order_id = ? AND field = ? AND to_status = ?")
                .params(orderId, field, to).query(Long.class).single();
    }

    public record TestOrder(UUID id, String number, UUID userId, long total) {
    }
}
