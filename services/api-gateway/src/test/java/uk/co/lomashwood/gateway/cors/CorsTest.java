package uk.co.lomashwood.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import uk.co.lomashwood.gateway.support.GatewayTest;

class CorsTest extends GatewayTest {

    private static final String ALLOWED = "http://localhost:5173";

    @Test
    void allowedOriginGetsCredentialedCorsHeaders() {
        HttpResponse<String> response = get("/v1/products", "Origin", ALLOWED);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                h -> assertThat(h).contains("X-Request-Id", "X-RateLimit-Remaining", "Retry-After"));
    }

    @Test
    void disallowedOriginIsRefused() {
        HttpResponse<String> response = get("/v1/products", "Origin", "https://evil.example");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(code(response)).isEqualTo("CORS_ORIGIN_DENIED");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(upstream("product-service").getAllServeEvents()).isEmpty();
    }

    @Test
    void preflightIsAnsweredWith204() {
        HttpResponse<String> response = call("OPTIONS", "/v1/orders", null, "Origin", ALLOWED,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,authorization");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("GET, POST, PUT, PATCH, DELETE, OPTIONS");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                h -> assertThat(h).contains("Authorization", "Idempotency-Key", "X-Booking-Token"));
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(upstream("order-payment-service").getAllServeEvents()).isEmpty();
        HttpResponse<String> denied = call("OPTIONS", "/v1/orders", null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(denied.statusCode()).isEqualTo(403);
    }

    @Test
    void refreshWithTheCookieNeedsAnAllowedOrigin() {
        HttpResponse<String> noOrigin = post("/v1/auth/refresh", null, "Cookie", "__Host-refresh=abc");
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(code(noOrigin)).isEqualTo("CSRF_ORIGIN_MISMATCH");
        HttpResponse<String> badOrigin = post("/v1/auth/logout", null, "Cookie", "__Host-refresh=abc",
                "Origin", "https://evil.example");
        assertThat(code(badOrigin)).isEqualTo("CSRF_ORIGIN_MISMATCH");
        assertThat(post("/v1/auth/refresh", null, "Cookie", "__Host-refresh=abc", "Origin", ALLOWED).statusCode())
                .isEqualTo(200);
        assertThat(post("/v1/auth/refresh", "{\"refreshToken\":\"r\"}", "X-Client-Type", "mobile").statusCode())
                .isEqualTo(200);
    }

    @Test
    void webhooksHaveNoCors() {
        HttpResponse<String> response = post("/v1/webhooks/stripe", "{}", "Origin", "https://evil.example");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
