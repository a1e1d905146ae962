package uk.co.lomashwood.gateway.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import uk.co.lomashwood.gateway.support.GatewayTest;
import uk.co.lomashwood.gateway.support.TestTokens;

class AuthenticationTest extends GatewayTest {

    @Test
    void missingTokenOnAnAuthenticatedRouteIs401() {
        HttpResponse<String> response = get("/v1/orders");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("UNAUTHORIZED");
        assertThat(upstream("order-payment-service").getAllServeEvents()).isEmpty();
    }

    @Test
    void expiredTokenIsTokenExpired() {
        TestTokens.Token expired = TestTokens.issue("CUSTOMER", TestTokens.KEY_1, Instant.now().minusSeconds(60));
        HttpResponse<String> response = get("/v1/orders", "Authorization", expired.bearer());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("TOKEN_EXPIRED");
    }

    @Test
    void tokenWithinTheClockSkewIsAccepted() {
        TestTokens.Token justExpired = TestTokens.issue("CUSTOMER", TestTokens.KEY_1, Instant.now().minusSeconds(3));
        session(justExpired, "{\"data\":{\"valid\":true,\"userId\":\"" + justExpired.userId()
                + "\",\"role\":\"CUSTOMER\"}}");
        assertThat(get("/v1/orders", "Authorization", justExpired.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void forgedSignatureNoneAndSymmetricAlgorithmsAre401() {
        TestTokens.Token forged = TestTokens.issue("ADMIN", TestTokens.ROGUE, Instant.now().plusSeconds(600));
        for (String token : new String[] {forged.value(), TestTokens.algNone("ADMIN"), TestTokens.hs256("ADMIN"),
                "not-a-jwt", "a.b.c"}) {
            HttpResponse<String> response = get("/v1/orders", "Authorization", "Bearer " + token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(code(response)).as(token).isEqualTo("UNAUTHORIZED");
        }
        assertThat(get("/v1/orders", "Authorization", "Basic dXNlcjpwYXNz").statusCode()).isEqualTo(401);
        assertThat(upstream("order-payment-service").getAllServeEvents()).isEmpty();
    }

    @Test
    void accessTokenIsNeverReadFromACookie() {
        TestTokens.Token token = signIn("CUSTOMER");
        assertThat(get("/v1/orders", "Cookie", "access_token=" + token.value()).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownKidTriggersExactlyOneJwksRefetch() {
        TestTokens.Token rotated = TestTokens.issue("CUSTOMER", TestTokens.KEY_2, Instant.now().plusSeconds(600));
        session(rotated, "{\"data\":{\"valid\":true,\"userId\":\"" + rotated.userId() + "\",\"role\":\"CUSTOMER\"}}");
        upstream("auth-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/internal/jwks.json")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(TestTokens.jwks(TestTokens.KEY_1, TestTokens.KEY_2))));
        assertThat(get("/v1/orders", "Authorization", rotated.bearer()).statusCode()).isEqualTo(200);
        assertThat(get("/v1/orders", "Authorization", rotated.bearer()).statusCode()).isEqualTo(200);
        upstream("auth-service").verify(1, getRequestedFor(urlEqualTo("/internal/jwks.json"))
                .withHeader("X-Internal-Token", equalTo(INTERNAL_TOKEN))
                .withHeader("X-Service-Name", equalTo("api-gateway")));
    }

    @Test
    void revokedSessionAndRevokedTokenAreRefused() {
        TestTokens.Token token = TestTokens.issue("CUSTOMER");
        session(token, "{\"data\":{\"valid\":false,\"userId\":\"" + token.userId() + "\",\"role\":null,"
                + "\"reason\":\"REVOKED\"}}");
        HttpResponse<String> revoked = get("/v1/orders", "Authorization", token.bearer());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(code(revoked)).isEqualTo("SESSION_REVOKED");

        TestTokens.Token blacklisted = TestTokens.issue("CUSTOMER");
        session(blacklisted, "{\"data\":{\"valid\":false,\"reason\":\"TOKEN_REVOKED\"}}");
        HttpResponse<String> response = get("/v1/orders", "Authorization", blacklisted.bearer());
        assertThat(code(response)).isEqualTo("TOKEN_REVOKED");
        upstream("auth-service").verify(getRequestedFor(urlPathMatching("/internal/sessions/"
                + blacklisted.sessionId() + "/verify"))
                .withQueryParam("jti", equalTo(blacklisted.jti()))
                .withQueryParam("iat", com.github.tomakehurst.wiremock.client.WireMock.matching("\\d{10}"))
                .withHeader("X-Internal-Token", equalTo(INTERNAL_TOKEN))
                .withHeader("X-Service-Name", equalTo("api-gateway")));
    }

    @Test
    void roleComesFromTheSessionNotTheClaim() {
        TestTokens.Token token = TestTokens.issue("ADMIN");
        session(token, "{\"data\":{\"valid\":true,\"userId\":\"" + token.userId() + "\",\"role\":\"CUSTOMER\"}}");
        HttpResponse<String> response = get("/v1/admin/users", "Authorization", token.bearer());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(code(response)).isEqualTo("FORBIDDEN");
    }

    @Test
    void authDownFallsBackToJwtOnlyExceptAdminAndPayments() {
        upstream("auth-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/internal/sessions/.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        TestTokens.Token admin = TestTokens.issue("ADMIN");
        HttpResponse<String> degraded = get("/v1/orders", "Authorization", admin.bearer());
        assertThat(degraded.statusCode()).isEqualTo(200);
        upstream("order-payment-service").verify(getRequestedFor(urlEqualTo("/v1/orders"))
                .withHeader("X-User-Role", equalTo("ADMIN")));
        HttpResponse<String> adminRoute = get("/v1/admin/users", "Authorization", admin.bearer());
        assertThat(adminRoute.statusCode()).isEqualTo(503);
        assertThat(code(adminRoute)).isEqualTo("SERVICE_UNAVAILABLE");
        HttpResponse<String> payments = post("/v1/payments/create-intent", "{\"orderId\":\"o\"}",
                "Authorization", admin.bearer());
        assertThat(payments.statusCode()).isEqualTo(503);
        assertThat(upstream("order-payment-service").findAll(getRequestedFor(urlEqualTo("/v1/payments/create-intent"))))
                .isEmpty();
    }

    @Test
    void roleGuardOnAdminAndRoleRoutes() {
        String customer = signIn("CUSTOMER").bearer();
        assertThat(code(get("/v1/admin/users", "Authorization", customer))).isEqualTo("FORBIDDEN");
        assertThat(post("/v1/products", "{}", "Authorization", customer).statusCode()).isEqualTo(403);
        assertThat(get("/v1/admin/users", "Authorization", signIn("ADMIN").bearer()).statusCode()).isEqualTo(200);
        assertThat(get("/v1/admin/users", "Authorization", signIn("SUPER_ADMIN").bearer()).statusCode())
                .isEqualTo(200);
        assertThat(get("/v1/admin/audit-logs", "Authorization", signIn("ADMIN").bearer()).statusCode())
                .isEqualTo(403);
        assertThat(get("/v1/inventory/product/p1", "Authorization", signIn("CONSULTANT").bearer()).statusCode())
                .isEqualTo(200);
        assertThat(get("/v1/customers/me/profile", "Authorization", signIn("CONSULTANT").bearer()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void publicRoutesIgnoreTokensAndOptionalRoutesValidateThem() {
        String garbage = "Bearer not-a-token";
        assertThat(post("/v1/auth/login", "{\"email\":\"a@b.co\",\"password\":\"x\"}", "Authorization", garbage)
                .statusCode()).isEqualTo(200);
        assertThat(get("/v1/products/p1", "Authorization", garbage).statusCode()).isEqualTo(200);
        upstream("product-service").verify(getRequestedFor(urlEqualTo("/v1/products/p1"))
                .withHeader("X-User-Id", absent()));
        assertThat(post("/v1/appointments", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> optional = post("/v1/appointments", "{}", "Authorization", garbage);
        assertThat(optional.statusCode()).isEqualTo(401);
    }

    @Test
    void lenientRoutesForwardAValidTokensIdentity() {
        TestTokens.Token admin = signIn("ADMIN");
        assertThat(get("/v1/products/draft-1", "Authorization", admin.bearer()).statusCode()).isEqualTo(200);
        upstream("product-service").verify(getRequestedFor(urlEqualTo("/v1/products/draft-1"))
                .withHeader("X-User-Role", equalTo("ADMIN")));
        TestTokens.Token expired = TestTokens.issue("CUSTOMER", TestTokens.KEY_1, Instant.now().minusSeconds(60));
        HttpResponse<String> logout = post("/v1/auth/logout", null, "Authorization", expired.bearer(),
                "Origin", "http://localhost:5173", "Cookie", "__Host-refresh=r");
        assertThat(logout.statusCode()).isEqualTo(200);
    }
}
