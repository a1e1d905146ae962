package uk.co.lomashwood.auth.support;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.test.http.ServiceCaller;
import uk.co.lomashwood.platform.test.mail.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.auth.mfa.Base32;
import uk.co.lomashwood.auth.mfa.Totp;
import uk.co.lomashwood.auth.support.TestUsers.TestUser;
import uk.co.lomashwood.platform.test.PlatformTestProperties;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every integration test: one shared Spring context on a random port, against the JVM-wide
 * embedded PostgreSQL ({@code auth_it}) and Redis, with GreenMail as the SMTP server and a clock that
 * tests can move forward. Tests keep their data apart through unique emails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lomash.auth.jwt.key-size=2048",
        "lomash.auth.jwt.key-store-path=target/test-data/jwt-signing-keys.json",
        "lomash.auth.mfa.key-store-path=target/test-data/mfa-encryption.key",
        "lomash.auth.public-base-url=https://www.lomashwood.test",
        "lomash.events.consumer.enabled=false"})
@Import(IntegrationTestConfig.class)
public abstract class AuthIntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestClock clock;
    @Autowired
    protected TestUsers users;
    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "auth_it");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", Mailbox::port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** As the gateway forwards a browser's request (a desktop Chrome user agent, for the session's device). */
    protected ServiceCaller api() {
        return new ServiceCaller(port)
                .with("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Chrome/130.0 Safari/537.36");
    }

    /** As the gateway forwards a request carrying this access token: the identity headers from its claims. */
    protected ServiceCaller api(String accessToken) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
            return api().with("X-User-Id", claims.getSubject())
                    .with("X-User-Role", claims.getStringClaim("role"))
                    .with("X-Session-Id", claims.getStringClaim("sessionId"))
                    .with("X-Token-Jti", claims.getJWTID())
                    .with("X-Token-Exp", Long.toString(claims.getExpirationTime().toInstant().getEpochSecond()));
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The {@code Cookie} header value carrying a refresh token, as a browser sends it. */
    protected static String refreshCookie(String refreshToken) {
        return "__Host-refresh=" + refreshToken;
    }

    protected static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    protected Reply login(String email, String password) {
        return api().post("/v1/auth/login", body("email", email, "password", password));
    }

    /** A completed sign-in: the access token, the refresh cookie and a {@link ServiceCaller} acting as that user. */
    public record SignedIn(String accessToken, String refreshToken, ServiceCaller api, JsonNode user) {
        public UUID sessionId() {
            return UUID.fromString(Jwt.claim(accessToken, "sessionId"));
        }
    }

    protected SignedIn signIn(TestUser user) {
        Reply reply = login(user.email(), user.password());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        if (reply.data().has("mfaRequired")) {
            reply = api().post("/v1/auth/mfa/verify", body("mfaToken", reply.data().get("mfaToken").asString(),
                    "code", totp(user)));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        return signedIn(reply);
    }

    protected SignedIn signedIn(Reply reply) {
        String access = reply.data().get("accessToken").asString();
        return new SignedIn(access, reply.refreshCookie().orElse(null), api(access), reply.data().get("user"));
    }

    protected String totp(TestUser user) {
        return Totp.codeAt(Base32.decode(user.totpSecret()), clock.instant());
    }

    /** {@code data} of the outbox events of {@code topic} for this user, oldest first. */
    protected List<JsonNode> events(String topic, UUID userId) {
        return jdbc.sql("SELECT payload::text FROM outbox WHERE topic = ? AND aggregate_id = ? ORDER BY created_at")
                .params(topic, userId.toString()).query(String.class).list().stream()
                .map(json -> HttpCalls.JSON.readTree(json).get("data")).toList();
    }

    protected Reply verifySession(UUID sessionId, String jti) {
        return api().get("/internal/sessions/" + sessionId + "/verify?jti=" + jti);
    }
}
