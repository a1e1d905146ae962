package uk.co.lomashwood.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.co.lomashwood.gateway.support.GatewayTest;

class RoutingTest extends GatewayTest {

    /** One public sample per prefix family of spec 00 §0.1 → the owning upstream, same path, query kept. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("/v1/auth/me", "auth-service"),
            Map.entry("/v1/admin/users/42", "auth-service"),
            Map.entry("/v1/admin/roles", "auth-service"),
            Map.entry("/v1/products/featured?limit=3", "product-service"),
            Map.entry("/v1/categories/hierarchy", "product-service"),
            Map.entry("/v1/colours", "product-service"),
            Map.entry("/v1/pricing/active-sales", "product-service"),
            Map.entry("/v1/shipping/rates?country=GB", "order-payment-service"),
            Map.entry("/v1/orders/abc", "order-payment-service"),
            Map.entry("/v1/appointments/types", "appointment-service"),
            Map.entry("/v1/showrooms/london", "appointment-service"),
            Map.entry("/v1/blog/featured", "content-service"),
            Map.entry("/v1/sitemap.xml", "content-service"),
            Map.entry("/v1/admin/blog", "content-service"),
            Map.entry("/v1/customers/reviews/product/p1", "customer-service"),
            Map.entry("/v1/admin/customers", "customer-service"),
            Map.entry("/v1/notifications/unsubscribe?token=t", "notification-service"),
            Map.entry("/v1/admin/notifications", "notification-service"));

    @Test
    void everyPrefixReachesItsOwningServiceWithThePublicPath() {
        String admin = signIn("ADMIN").bearer();
        SAMPLES.forEach((path, service) -> {
            HttpResponse<String> response = get(path, "Authorization", admin);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(json(response).path("data").path("service").asString()).as(path).isEqualTo(service);
            upstream(service).verify(getRequestedFor(urlEqualTo(path)));
        });
    }

    @Test
    void longestPrefixWinsBetweenAdminAndServicePrefixes() {
        String admin = signIn("ADMIN").bearer();
        assertThat(json(get("/v1/admin/support/tickets", "Authorization", admin)).path("data").path("service")
                .asString()).isEqualTo("customer-service");
        assertThat(json(get("/v1/admin/newsletter-subscribers", "Authorization", admin)).path("data")
                .path("service").asString()).isEqualTo("content-service");
    }

    @Test
    void internalMetricsAndUnknownPathsAre404() {
        for (String path : new String[] {"/internal/jwks.json", "/internal/sessions/x/verify", "/metrics",
                "/v1/unknown", "/", "/v2/products", "/v1/productsx", "/actuator/health"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(code(response)).as(path).isEqualTo("NOT_FOUND");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(upstream("auth-service").findAll(getRequestedFor(urlEqualTo("/internal/sessions/x/verify"))))
                .isEmpty();
    }

    @Test
    void encodedTraversalNeverReachesAnUpstream() {
        for (String path : new String[] {"/v1/products/%2e%2e/%2e%2e/internal/jwks.json",
                "/v1/products/..%2Finternal", "/v1/products;x=1"}) {
            assertThat(get(path).statusCode()).as(path).isIn(400, 404); // Tomcat itself refuses %2F with 400
        }
        assertThat(upstream("product-service").getAllServeEvents()).isEmpty();
    }

    @Test
    void serviceThatIsNotRunningAnswers503Quickly() {
        long start = System.nanoTime();
        HttpResponse<String> read = get("/v1/analytics/tracking/config");
        HttpResponse<String> write = post("/v1/analytics/sessions", "{\"sessionId\":\"s\"}");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(code(read)).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(write.statusCode()).isEqualTo(503);
        assertThat(read.body()).doesNotContain("Exception").doesNotContain("at uk.");
        assertThat(elapsedMs).isLessThan(3000);
    }

    @Test
    void requestIdIsKeptWhenValidAndEchoedEverywhere() {
        HttpResponse<String> response = get("/v1/products", "X-Request-Id", "req-12345678");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-12345678");
        upstream("product-service").verify(getRequestedFor(urlEqualTo("/v1/products"))
                .withHeader("X-Request-Id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("req-12345678")));
        HttpResponse<String> invalid = get("/v1/nothing", "X-Request-Id", "bad id!");
        String generated = invalid.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).isNotEqualTo("bad id!").hasSize(36);
        assertThat(json(invalid).path("requestId").asString()).isEqualTo(generated);
    }
}
