import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.auth.demo.DemoAccount;
import uk.co.lomashwood.auth.demo.DemoAccounts;
import uk.co.lomashwood.launcher.LauncherOptions;
import uk.co.lomashwood.launcher.LocalPlatform;
import uk.co.lomashwood.platform.core.security.Role;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Order-to-confirmed latency for issue #8 (not part of ./mvnw verify). Starts a throw-away platform the way the e2e
 * tests do (random ports, temporary data folder, gateway rate limits × 1000), signs the demo customer in and, for
 * each of ORDERS orders in turn (one customer's checkouts are serialised by spec 20 §2.4.2's per-customer lock),
 * through the gateway only:
 *   POST /v1/orders (Idempotency-Key) → POST /v1/payments/offline/confirm (pm_card_visa, the step Stripe.js does in
 *   the browser) → the offline provider delivers the Stripe-signed payment_intent.succeeded webhook through the
 *   gateway → GET /v1/orders/{id} polled every 10 ms until status CONFIRMED.
 * It prints p50/p95/p99/max of (a) order POST sent → CONFIRMED visible and (b) card confirmed → CONFIRMED visible
 * (the webhook path alone). See docs/performance.md for the command line and the figures.
 */
public class CheckoutBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Timing(long orderToConfirmedMicros, long payToConfirmedMicros) {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path data = Files.createTempDirectory("lomash-bench");
        LocalPlatform platform = LocalPlatform.start(LauncherOptions.ephemeral(data)
                .withOverrides(Map.of("RATE_LIMIT_MULTIPLIER", 1000)));
        try {
            DemoAccount customer = platform.context("auth-service").getBean(DemoAccounts.class).accounts().stream()
                    .filter(a -> a.role() == Role.CUSTOMER).findFirst().orElseThrow();
            run(platform.gatewayUrl(), customer, orders);
        } finally {
            platform.close();
            LocalPlatform.deleteDataFolder(data);
        }
        System.exit(0);
    }

    static void run(String base, DemoAccount customer, int orders) throws Exception {
        String token = send(base, "POST", "/v1/auth/login", null,
                Map.of("email", customer.email(), "password", customer.password())).path("data").path("accessToken").asString();
        List<String[]> products = new ArrayList<>(); // {productId, variantId}: demo products are sold per size
        for (JsonNode card : send(base, "GET", "/v1/products?category=KITCHEN&limit=50", null, null).path("data")) {
            if ("IN_STOCK".equals(card.path("availability").asString())) {
                JsonNode detail = send(base, "GET", "/v1/products/slug/" + card.path("slug").asString(), null, null).path("data");
                for (JsonNode size : detail.path("sizes")) {
                    String[] line = {card.path("id").asString(), size.path("id").asString()};
                    if (orderable(base, line)) {
                        products.add(line);
                    }
                }
            }
        }
        String standard = null;
        for (JsonNode rate : send(base, "GET", "/v1/shipping/rates?country=GB&categories=KITCHEN", null, null).path("data")) {
            if ("STANDARD".equals(rate.path("code").asString())) {
                standard = rate.path("id").asString();
            }
        }
        String delivery = standard;
        for (int i = 0; i < 5; i++) {
            order(base, token, products.get(i % products.size()), delivery); // warm-up, not recorded
        }
        List<Timing> timings = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            timings.add(order(base, token, products.get(i % products.size()), delivery));
        }
        System.out.printf("%d orders, one after another, through the gateway with the offline Stripe provider%n", orders);
        print("order POST sent → CONFIRMED visible", timings.stream().map(Timing::orderToConfirmedMicros).toList());
        print("card confirmed → CONFIRMED visible (signed webhook path)", timings.stream().map(Timing::payToConfirmedMicros).toList());
    }

    /** Whether the size can be bought online now (priced, in stock): the checkout summary says so. */
    private static boolean orderable(String base, String[] line) throws Exception {
        HttpResponse<String> summary = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/checkout/summary"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("items", List.of(Map.of("productId", line[0], "variantId", line[1], "quantity", 3)),
                                "country", "GB")))).build(), HttpResponse.BodyHandlers.ofString());
        return summary.statusCode() == 200;
    }

    private static Timing order(String base, String token, String[] product, String shippingMethodId) throws Exception {
        long start = System.nanoTime();
        JsonNode created = send(base, "POST", "/v1/orders", token, Map.of(
                "items", List.of(Map.of("productId", product[0], "variantId", product[1], "quantity", 1)),
                "shippingMethodId", shippingMethodId,
                "shippingAddress", Map.of("fullName", "Bench Mark", "addressLine1", "1 Benchmark Way", "city", "Leeds",
                        "postcode", "LS1 4DY", "country", "GB")), "Idempotency-Key", UUID.randomUUID().toString()).path("data");
        String orderId = created.path("orderId").asString();
        JsonNode payment = created.path("payment");
        long paying = System.nanoTime();
        send(base, "POST", "/v1/payments/offline/confirm", token, Map.of(
                "paymentIntentId", payment.path("paymentIntentId").asString(),
                "clientSecret", payment.path("clientSecret").asString(), "paymentMethod", "pm_card_visa"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if ("CONFIRMED".equals(send(base, "GET", "/v1/orders/" + orderId, token, null).path("data").path("status").asString())) {
                long now = System.nanoTime();
                return new Timing((now - start) / 1000, (now - paying) / 1000);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("order " + orderId + " was not confirmed within 30 s");
    }

    private static JsonNode send(String base, String method, String path, String token, Object body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void print(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%-58s n=%d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, sorted.size(),
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.getLast() / 1000.0);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }
}
