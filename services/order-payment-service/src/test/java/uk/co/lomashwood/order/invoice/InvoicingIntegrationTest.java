package uk.co.lomashwood.order.invoice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.order.refund.FakePaymentGateway;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventJson;
import uk.co.lomashwood.platform.test.PlatformTestProperties;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Base of the invoice and refund integration tests: one shared context on a random port against the embedded
 * PostgreSQL ({@code order_invoice_it}) and Redis; the event relay and consumers are off, so tests read the outbox
 * and hand events to handlers themselves. Orders and payments are written with {@link PaidOrderBuilder}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lomash.events.consumer.enabled=false",
        "lomash.events.relay.enabled=false",
        "lomash.order.jobs-enabled=false",
        "lomash.demo.seed=false",
        "lomash.data-dir=target/invoice-it-data"})
@Import(FakePaymentGateway.Config.class)
public abstract class InvoicingIntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected PlatformTransactionManager transactions;
    @Autowired
    protected EventJson eventJson;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "order_invoice_it");
    }

    protected PaidOrderBuilder order() {
        return new PaidOrderBuilder(jdbc);
    }

    protected <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    protected Reply call(String method, String path, Object body, UUID userId, String role, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Internal-Token", PlatformTestProperties.INTERNAL_TOKEN);
        if (userId != null) {
            headers.put("X-User-Id", userId.toString());
            headers.put("X-User-Role", role);
        }
        headers.putAll(extra);
        return HttpCalls.send("http://127.0.0.1:" + port + path, headers, method, body);
    }

    protected Reply get(String path, UUID userId, String role) {
        return call("GET", path, null, userId, role, Map.of());
    }

    protected Reply asAdmin(String method, String path, Object body) {
        return call(method, path, body, UUID.randomUUID(), "ADMIN", Map.of());
    }

    /** A GET whose body is kept as bytes (PDF downloads); redirects are not followed. */
    protected HttpResponse<byte[]> download(String path, UUID userId, String role) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Internal-Token", PlatformTestProperties.INTERNAL_TOKEN)
                .header("X-User-Id", userId.toString()).header("X-User-Role", role).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code data} of the outbox events of {@code topic} for this order, oldest first. */
    protected List<JsonNode> events(String topic, UUID orderId) {
        return envelopes(topic, orderId).stream().map(EventEnvelope::data).toList();
    }

    protected List<EventEnvelope> envelopes(String topic, UUID orderId) {
        return jdbc.sql("SELECT payload::text FROM outbox WHERE topic = ? AND aggregate_id = ? ORDER BY created_at")
                .params(topic, orderId.toString()).query(String.class).list().stream()
                .map(eventJson::read).toList();
    }

    protected static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
