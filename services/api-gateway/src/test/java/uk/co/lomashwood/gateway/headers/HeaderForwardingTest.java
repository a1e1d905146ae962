package uk.co.lomashwood.gateway.headers;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import uk.co.lomashwood.gateway.support.GatewayTest;
import uk.co.lomashwood.gateway.support.TestTokens;

class HeaderForwardingTest extends GatewayTest {

    @Test
    void forgedIdentityAndInternalHeadersAreStripped() {
        get("/v1/products", "X-User-Id", "00000000-0000-0000-0000-000000000001", "X-User-Role", "SUPER_ADMIN",
                "X-Session-Id", "s", "X-Internal-Token", "forged", "X-Service-Name", "evil", "X-Token-Jti", "j");
        upstream("product-service").verify(getRequestedFor(urlEqualTo("/v1/products"))
                .withHeader("X-User-Id", absent())
                .withHeader("X-User-Role", absent())
                .withHeader("X-Session-Id", absent())
                .withHeader("X-Service-Name", absent())
                .withHeader("X-Token-Jti", absent())
                .withHeader("X-Internal-Token", equalTo(INTERNAL_TOKEN)));
    }

    @Test
    void verifiedIdentityIsForwardedWithTheInternalTokenAndTraceContext() {
        TestTokens.Token token = signIn("CUSTOMER");
        HttpResponse<String> response = get("/v1/orders/o-1", "Authorization", token.bearer(),
                "X-User-Id", "00000000-0000-0000-0000-000000000001", "X-Booking-Token", "keep-me");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        upstream("order-payment-service").verify(getRequestedFor(urlEqualTo("/v1/orders/o-1"))
                .withHeader("X-User-Id", equalTo(token.userId().toString()))
                .withHeader("X-User-Role", equalTo("CUSTOMER"))
                .withHeader("X-Session-Id", equalTo(token.sessionId().toString()))
                .withHeader("X-Internal-Token", equalTo(INTERNAL_TOKEN))
                .withHeader("X-Forwarded-For", equalTo("127.0.0.1"))
                .withHeader("X-Forwarded-Proto", equalTo("http"))
                .withHeader("X-Booking-Token", equalTo("keep-me"))
                .withHeader("traceparent", matching("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                .withHeader("Authorization", absent())
                .withHeader("X-Token-Jti", absent()));
    }

    @Test
    void authPrefixAlsoGetsTokenIdExpiryAuthorizationAndCookie() {
        TestTokens.Token token = signIn("CUSTOMER");
        get("/v1/auth/me", "Authorization", token.bearer(), "Cookie", "__Host-refresh=abc");
        upstream("auth-service").verify(getRequestedFor(urlEqualTo("/v1/auth/me"))
                .withHeader("X-Token-Jti", equalTo(token.jti()))
                .withHeader("X-Token-Exp", matching("\\d{10}"))
                .withHeader("Authorization", equalTo(token.bearer()))
                .withHeader("Cookie", equalTo("__Host-refresh=abc")));
        get("/v1/products", "Cookie", "__Host-refresh=abc");
        upstream("product-service").verify(getRequestedFor(urlEqualTo("/v1/products")).withHeader("Cookie", absent()));
    }

    @Test
    void inboundTraceparentIsKept() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        get("/v1/products", "traceparent", traceparent);
        upstream("product-service").verify(getRequestedFor(urlEqualTo("/v1/products"))
                .withHeader("traceparent", equalTo(traceparent)));
    }

    @Test
    void securityHeadersOnEveryResponseIncludingErrors() {
        for (HttpResponse<String> response : new HttpResponse[] {get("/v1/products"), get("/nothing"),
                get("/health/live"), get("/v1/orders")}) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("X-XSS-Protection")).hasValue("0");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Permissions-Policy"))
                    .hasValue("geolocation=(), microphone=(), camera=()");
            assertThat(response.headers().firstValue("X-Permitted-Cross-Domain-Policies")).hasValue("none");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
            assertThat(response.headers().firstValue("Server")).isEmpty();
        }
    }
}
