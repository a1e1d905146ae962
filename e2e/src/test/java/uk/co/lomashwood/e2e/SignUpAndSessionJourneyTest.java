package uk.co.lomashwood.e2e;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #2's journey, through the gateway only: register → login refused until verified → verify
 * with the token from the email in the local mailbox → login → me → refresh → reusing the old
 * refresh token revokes the family → logout → the access token is refused.
 */
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignUpAndSessionJourneyTest {

    private static final String PASSWORD = "Oak-and-Walnut-2026!";
    /** Cookie-authenticated calls come from the website, whose origin is on the allow-list (CSRF guard, spec 00 §3.6). */
    private static final String ORIGIN = "http://localhost:5173";
    private static final Pattern LINK_TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+)");

    private final Gateway gateway = RunningPlatform.gateway();

    @Test
    @Order(1)
    void aNewCustomerSignsUpVerifiesTheirEmailAndManagesTheirSession() throws Exception {
        String email = "e2e-" + UUID.randomUUID() + "@example.co.uk";

        Gateway.Reply registered = gateway.post("/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "firstName", "Ada", "lastName", "Lovelace"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(registered.data().path("user").path("emailVerified").asBoolean()).isFalse();
        assertThat(registered.raw()).doesNotContain("accessToken");

        Gateway.Reply unverified = gateway.post("/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(unverified.status()).isEqualTo(401);
        assertThat(unverified.code()).isEqualTo("EMAIL_NOT_VERIFIED");

        JsonNode email1 = RunningPlatform.mailbox().awaitMessageTo(email, Duration.ofSeconds(5));
        Matcher token = LINK_TOKEN.matcher(email1.path("text").asString() + email1.path("html").asString());
        assertThat(token.find()).as("the verification email carries a link with a token").isTrue();
        Gateway.Reply verified = gateway.post("/v1/auth/verify-email", Map.of("token", token.group(1)));
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        assertThat(verified.data().path("emailVerified").asBoolean()).isTrue();

        Gateway.Reply login = gateway.post("/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        String access = login.data().path("accessToken").asString();
        String firstRefresh = login.refreshCookie();
        assertThat(access).isNotBlank();
        assertThat(firstRefresh).isNotBlank();
        assertThat(login.setCookies().getFirst()).contains("HttpOnly", "Secure", "SameSite=Strict");

        Gateway.Reply me = gateway.get("/v1/auth/me", "Authorization", "Bearer " + access);
        assertThat(me.status()).as(me.raw()).isEqualTo(200);
        assertThat(me.data().path("email").asString()).isEqualTo(email);
        assertThat(me.data().path("role").asString()).isEqualTo("CUSTOMER");

        Gateway.Reply refreshed = gateway.post("/v1/auth/refresh", null, "Origin", ORIGIN, "Cookie", "__Host-refresh=" + firstRefresh);
        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
        String secondRefresh = refreshed.refreshCookie();
        String secondAccess = refreshed.data().path("accessToken").asString();
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);

        Gateway.Reply parallelTab = gateway.post("/v1/auth/refresh", null, "Origin", ORIGIN, "Cookie", "__Host-refresh=" + firstRefresh);
        assertThat(parallelTab.status()).isEqualTo(401);
        assertThat(parallelTab.code()).as("a parallel tab within 30 s keeps the family").isEqualTo("REFRESH_TOKEN_ROTATED");

        Thread.sleep(Duration.ofSeconds(31));
        Gateway.Reply reuse = gateway.post("/v1/auth/refresh", null, "Origin", ORIGIN, "Cookie", "__Host-refresh=" + firstRefresh);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.code()).isEqualTo("REFRESH_TOKEN_EXPIRED");
        Gateway.Reply familyRevoked = gateway.post("/v1/auth/refresh", null, "Origin", ORIGIN, "Cookie", "__Host-refresh=" + secondRefresh);
        assertThat(familyRevoked.status()).as("reuse of an old refresh token revokes the whole family").isEqualTo(401);
        assertThat(gateway.get("/v1/auth/me", "Authorization", "Bearer " + secondAccess).status()).isEqualTo(401);

        Gateway.Reply again = gateway.post("/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        String access2 = again.data().path("accessToken").asString();
        assertThat(gateway.get("/v1/auth/me", "Authorization", "Bearer " + access2).status()).isEqualTo(200);
        Gateway.Reply logout = gateway.post("/v1/auth/logout", null, "Authorization", "Bearer " + access2,
                "Origin", ORIGIN, "Cookie", "__Host-refresh=" + again.refreshCookie());
        assertThat(logout.status()).isEqualTo(204);
        Gateway.Reply afterLogout = gateway.get("/v1/auth/me", "Authorization", "Bearer " + access2);
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.code()).isIn("TOKEN_REVOKED", "SESSION_REVOKED");
    }

    @Test
    @Order(2)
    void aForgedUserIdHeaderIsIgnored() throws Exception {
        Gateway.Reply forged = gateway.get("/v1/auth/me", "X-User-Id", UUID.randomUUID().toString(), "X-User-Role", "SUPER_ADMIN");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("UNAUTHORIZED");
        Gateway.Reply admin = gateway.get("/v1/admin/users", "X-User-Id", UUID.randomUUID().toString(), "X-User-Role", "SUPER_ADMIN");
        assertThat(admin.status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void internalRoutesAreNotReachableFromOutside() throws Exception {
        Gateway.Reply jwks = gateway.get("/internal/jwks.json");
        assertThat(jwks.status()).isEqualTo(404);
        assertThat(jwks.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    @Order(4)
    void aServiceThatIsNotRunningAnswers503QuicklyNotAHang() throws Exception {
        long start = System.nanoTime();
        Gateway.Reply blog = gateway.get("/v1/blog"); // content-service is not built yet
        assertThat(blog.status()).isEqualTo(503);
        assertThat(blog.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @Order(5)
    void aCookieCallFromAForeignOriginIsRefused() throws Exception {
        Gateway.Reply refresh = gateway.post("/v1/auth/refresh", null, "Origin", "https://evil.example", "Cookie", "__Host-refresh=x");
        assertThat(refresh.status()).isEqualTo(403);
        assertThat(refresh.code()).isIn("CSRF_ORIGIN_MISMATCH", "CORS_ORIGIN_DENIED");
    }

    @Test
    @Order(100)
    void theLoginRateLimitAnswers429WithRetryAfter() throws Exception {
        Gateway.Reply last = null;
        for (int i = 0; i < 12 && (last == null || last.status() != 429); i++) {
            last = gateway.post("/v1/auth/login", Map.of("email", "nobody-" + i + "@example.co.uk", "password", PASSWORD),
                    "X-Forwarded-For", "203.0.113.77");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }
}
