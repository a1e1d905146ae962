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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.platform.test.PlatformTestProperties;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;

/**
 * Base of the payment and webhook tests: one Spring context on a random port against the embedded PostgreSQL
 * ({@code order_payment_pay_it}) and Redis. The payment provider is the real offline provider (no Stripe key),
 * which delivers its Stripe-signed webhooks back to this service; the webhook verifier, invoicing and refunds are
 * the real beans (no test doubles). Orders are inserted with SQL; each
 * test works on its own orders. What the offline provider cannot be asked to do through its API (a payment still
 * processing, an intent Stripe abandoned) is set in its own table, as "what Stripe says now".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lomash.events.consumer.enabled=false", "lomash.demo.seed=false", "lomash.order.jobs-enabled=false",
        "LOMASH_DATA_DIR=target/test-data", "lomash.stripe.secret-key=",
        "lomash.stripe.offline-webhook-url=http://127.0.0.1:${local.server.port}/v1/webhooks/stripe",
        "lomash.stripe.offline-retry-backoff=300ms", "lomash.stripe.offline-refund-settle-delay=300ms",
        "spring.data.redis.timeout=5s"})
public abstract class PaymentIntegrationTest {

    public static final UUID STANDARD_DELIVERY = UUID.fromString("0190f5a0-0000-7000-8000-000000000001");

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected PaymentGateway gateway;
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

    /** Paid with Stripe's test Visa; the provider's own webhook confirms the order. Returns the intent id. */
    protected String pay(TestOrder order) {
        String intent = firstAttempt(order);
        Reply reply = confirmCard(order, intent, "pm_card_visa");
        if (reply.status() != 200) {
            throw new AssertionError(reply.toString());
        }
        awaitOrder(order.id(), "status", "CONFIRMED");
        return intent;
    }

    /** The browser's Stripe.js step: the intent confirmed with its client secret and a Stripe test payment method. */
    protected Reply confirmCard(TestOrder order, String intentId, String paymentMethod) {
        String secret = jdbc.sql("SELECT stripe_client_secret FROM payments WHERE stripe_payment_intent_id = ?")
                .param(intentId).query(String.class).single();
        return call(as(order.userId(), "CUSTOMER"), "POST", "/v1/payments/offline/confirm",
                Map.of("paymentIntentId", intentId, "clientSecret", secret, "paymentMethod", paymentMethod));
    }

    /** What Stripe reports for the intent from now on, without any webhook about it (a delayed one). */
    protected void providerSays(String intentId, String status, String cancellationReason) {
        boolean paid = "succeeded".equals(status);
        jdbc.sql("""
                        UPDATE offline_payment_intents SET status = :status, cancellation_reason = :reason,
                               charge_id = CASE WHEN :paid THEN 'ch_' || substr(id, 4) ELSE charge_id END,
                               charge_status = CASE WHEN :paid THEN 'succeeded' ELSE charge_status END,
                               card_brand = CASE WHEN :paid THEN 'visa' ELSE card_brand END,
                               card_last4 = CASE WHEN :paid THEN '4242' ELSE card_last4 END,
                               last_error_code = NULL, last_error_decline_code = NULL, last_error_message = NULL
                        WHERE id = :id""")
                .param("status", status).param("reason", cancellationReason).param("paid", paid).param("id", intentId)
                .update();
    }

    protected void awaitOrder(UUID orderId, String field, String value) {
        await(() -> value.equals(orderState(orderId).get(field)), "order " + field + " " + value);
    }

    protected void awaitAttempt(String intentId, String status) {
        await(() -> status.equals(attemptStatus(intentId)), "attempt " + status);
    }

    /** Until the offline provider's {@code type} event about the intent has been accepted by this service. */
    protected void awaitDelivered(String intentId, String type) {
        await(() -> jdbc.sql("""
                        SELECT count(*) FROM offline_webhook_deliveries
                        WHERE event_type = ? AND payload LIKE ? AND delivered_at IS NOT NULL""")
                .params(type, "%" + intentId + "%").query(Long.class).single() > 0, type + " delivered");
    }

    protected static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    protected long invoices(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM invoices WHERE order_id = ? AND type = 'INVOICE'").param(orderId)
                .query(Long.class).single();
    }

    /** From now on every update of this order fails in the database (a real handler error), until repaired. */
    protected void breakOrder(UUID orderId) {
        jdbc.sql("CREATE TABLE IF NOT EXISTS test_broken_orders (order_id uuid PRIMARY KEY)").update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION test_refuse_broken_order() RETURNS trigger AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM test_broken_orders WHERE order_id = NEW.id) THEN
                        RAISE EXCEPTION 'order store unavailable';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""").update();
        jdbc.sql("""
                CREATE OR REPLACE TRIGGER test_refuse_broken_order BEFORE UPDATE ON orders
                FOR EACH ROW EXECUTE FUNCTION test_refuse_broken_order()""").update();
        jdbc.sql("INSERT INTO test_broken_orders VALUES (?) ON CONFLICT DO NOTHING").param(orderId).update();
    }

    protected void repairOrder(UUID orderId) {
        jdbc.sql("DELETE FROM test_broken_orders WHERE order_id = ?").param(orderId).update();
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

    /** The {@code id} of an event built by {@link #event}. */
    protected static String eventIdOf(String payload) {
        return payload.substring(7, payload.indexOf('"', 7));
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
