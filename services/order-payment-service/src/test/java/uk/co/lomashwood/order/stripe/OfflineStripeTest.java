package uk.co.lomashwood.order.stripe;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.test.PlatformTestProperties;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The service with no Stripe key, so the offline provider stands in; its webhooks go to a WireMock receiver that
 * answers 200 (tests add stubs that fail first). Refunds settle after 300 ms and failed deliveries retry after 300 ms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lomash.stripe.secret-key=",
        "lomash.stripe.webhook-secret=" + OfflineStripeTest.WEBHOOK_SECRET,
        "lomash.stripe.offline-refund-settle-delay=300ms",
        "lomash.stripe.offline-retry-backoff=300ms"})
@Import(StripeTestPorts.class)
abstract class OfflineStripeTest {

    static final String WEBHOOK_SECRET = "whsec_offline_provider_test";
    static final String WEBHOOK_PATH = "/v1/webhooks/stripe";
    static final WireMockServer RECEIVER = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        RECEIVER.start();
        RECEIVER.stubFor(post(urlEqualTo(WEBHOOK_PATH)).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"received\":true}")));
    }

    @LocalServerPort
    int port;
    @Autowired
    PaymentGateway gateway;
    @Autowired
    WebhookVerifier verifier;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "order_stripe_offline");
        registry.add("lomash.stripe.offline-webhook-url", () -> RECEIVER.baseUrl() + WEBHOOK_PATH);
    }

    Reply confirm(UUID userId, String paymentIntentId, String clientSecret, String paymentMethod) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("X-Internal-Token", PlatformTestProperties.INTERNAL_TOKEN));
        if (userId != null) {
            headers.put("X-User-Id", userId.toString());
            headers.put("X-User-Role", "CUSTOMER");
        }
        Map<String, String> body = new java.util.HashMap<>();
        body.put("paymentIntentId", paymentIntentId);
        body.put("clientSecret", clientSecret);
        body.put("paymentMethod", paymentMethod);
        return HttpCalls.send("http://127.0.0.1:" + port + "/v1/payments/offline/confirm", headers, "POST", body);
    }

    PaymentGateway.Intent newIntent(long amount) {
        String orderId = UUID.randomUUID().toString();
        return gateway.createIntent(new PaymentGateway.CreateIntent(amount, "gbp", "Lomash Wood order LW-20269999",
                "jane@example.co.uk", Map.of("orderId", orderId, "attemptNo", "1"), "pi-create:" + orderId + ":1", null, false));
    }

    /** Webhook requests received so far whose body mentions {@code id}. */
    static List<LoggedRequest> deliveriesAbout(String id) {
        return RECEIVER.findAll(postRequestedFor(urlEqualTo(WEBHOOK_PATH))).stream()
                .filter(r -> r.getBodyAsString().contains(id)).toList();
    }

    /** Waits (up to 10 s) for a delivered, correctly signed event about {@code id} of {@code type}. */
    StripeEvent awaitEvent(String id, String type) {
        return awaitEvents(id, events -> events.stream().anyMatch(e -> e.type().equals(type))).stream()
                .filter(e -> e.type().equals(type)).findFirst().orElseThrow();
    }

    List<StripeEvent> awaitEvents(String id, Predicate<List<StripeEvent>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<StripeEvent> events = deliveriesAbout(id).stream()
                    .map(r -> verifier.verify(r.getBody(), r.getHeader("Stripe-Signature"))).toList();
            if (done.test(events)) {
                return events;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such webhook about " + id + " arrived; got " + events.stream().map(StripeEvent::type).toList());
            }
            sleep(50);
        }
    }

    static JsonNode json(String raw) {
        return HttpCalls.JSON.readTree(raw);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
