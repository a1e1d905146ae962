package uk.co.lomashwood.auth.login;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.auth.support.Jwt;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.auth.support.TestUsers;
import uk.co.lomashwood.auth.support.TestUsers.TestUser;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginIT extends AuthIntegrationTest {

    @Test
    void aCustomerGetsAnAccessTokenAndAHostOnlyRefreshCookie() {
        TestUser customer = users.active(Role.CUSTOMER);

        Reply reply = login(customer.email().toUpperCase(), customer.password());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode data = reply.data();
        assertThat(data.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(data.get("expiresIn").asInt()).isEqualTo(900);
        assertThat(data.get("refreshToken").isNull()).isTrue();
        assertThat(data.get("user").get("email").asString()).isEqualTo(customer.email());
        assertThat(data.get("user").get("lastLoginAt").isNull()).isFalse();
        assertThat(Jwt.claim(data.get("accessToken").asString(), "sub")).isEqualTo(customer.id().toString());
        String cookie = reply.cookies().stream().filter(c -> c.startsWith("__Host-refresh=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Path=/", "HttpOnly", "Secure", "SameSite=Strict", "Max-Age=604800")
                .doesNotContain("Domain");
        assertThat(events("auth.user.logged_in", customer.id())).singleElement()
                .satisfies(e -> assertThat(e.get("mfaUsed").asBoolean()).isFalse());
    }

    @Test
    void aMobileClientGetsTheRefreshTokenInTheBodyInstead() {
        TestUser customer = users.active(Role.CUSTOMER);

        Reply reply = api().with("X-Client-Type", "mobile").post("/v1/auth/login",
                body("email", customer.email(), "password", customer.password()));

        assertThat(reply.data().get("refreshToken").asString()).hasSize(43);
        assertThat(reply.cookies()).isEmpty();
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        TestUser customer = users.active(Role.CUSTOMER);

        Reply unknown = login(TestUsers.uniqueEmail("nobody"), customer.password());
        Reply wrong = login(customer.email(), "Wrong-Password-42!");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(withoutRequestDetails(unknown)).isEqualTo(withoutRequestDetails(wrong));
    }

    @Test
    void fiveFailuresLockTheAccountWithoutSayingSo() {
        TestUser customer = users.active(Role.CUSTOMER);
        Reply lastFailure = null;
        for (int i = 0; i < 5; i++) {
            lastFailure = login(customer.email(), "Wrong-Password-42!");
        }

        Reply locked = login(customer.email(), customer.password());

        assertThat(locked.status()).isEqualTo(401);
        assertThat(withoutRequestDetails(locked)).isEqualTo(withoutRequestDetails(lastFailure));
        assertThat(events("auth.user.account_locked", customer.id())).singleElement().satisfies(e -> {
            assertThat(e.get("failedAttempts").asInt()).isEqualTo(5);
            assertThat(e.get("lockedUntil").isNull()).isFalse();
        });
        clock.advance(Duration.ofMinutes(16));
        assertThat(login(customer.email(), customer.password()).status()).isEqualTo(200);
    }

    @Test
    void consecutiveFailuresFromOneIpAreCountedForTheSecurityAlertUntilASuccess() {
        TestUser customer = users.active(Role.CUSTOMER);
        String ip = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        org.springframework.data.redis.core.StringRedisTemplate redis = context.getBean(
                org.springframework.data.redis.core.StringRedisTemplate.class);
        redis.delete("auth:alert:ip-failures:" + ip);
        for (int i = 0; i < 3; i++) {
            api().with("X-Forwarded-For", ip).post("/v1/auth/login",
                    body("email", TestUsers.uniqueEmail("probe"), "password", "Wrong-Password-42!"));
        }
        assertThat(redis.opsForValue().get("auth:alert:ip-failures:" + ip)).isEqualTo("3");

        api().with("X-Forwarded-For", ip).post("/v1/auth/login", body("email", customer.email(), "password", customer.password()));

        assertThat(redis.hasKey("auth:alert:ip-failures:" + ip)).isFalse();
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext context;

    @Test
    void aBrowserAndOsNotSeenBeforeRaisesANewDeviceAlert() {
        TestUser customer = users.active(Role.CUSTOMER);
        signIn(customer);
        signIn(customer);
        assertThat(events("auth.security.alert", customer.id())).isEmpty();

        api().with("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")
                .post("/v1/auth/login", body("email", customer.email(), "password", customer.password()));

        assertThat(events("auth.security.alert", customer.id())).singleElement().satisfies(alert -> {
            assertThat(alert.get("alertType").asString()).isEqualTo("NEW_DEVICE_LOGIN");
            assertThat(alert.get("userAgent").asString()).contains("Firefox");
        });
    }

    @Test
    void aSuspendedAccountIsToldItIsDeactivated() {
        TestUser customer = users.active(Role.CUSTOMER);
        jdbc.sql("UPDATE users SET status = 'SUSPENDED' WHERE id = ?").param(customer.id()).update();

        assertThat(login(customer.email(), customer.password()).code()).isEqualTo("ACCOUNT_DEACTIVATED");
        assertThat(login(customer.email(), "Wrong-Password-42!").code()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void aLegacyBcryptHashIsUpgradedToArgon2idAtSignIn() {
        TestUser customer = users.active(Role.CUSTOMER);
        String bcrypt = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(customer.password());
        jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(bcrypt, customer.id()).update();

        assertThat(login(customer.email(), customer.password()).status()).isEqualTo(200);

        String stored = jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(customer.id())
                .query(String.class).single();
        assertThat(stored).startsWith("$argon2id$v=19$m=65536,t=3,p=4$");
    }

    @Test
    void aSixthSessionEvictsTheOldest() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn first = signIn(customer);
        for (int i = 0; i < 5; i++) {
            signIn(customer);
        }

        Reply check = verifySession(first.sessionId(), Jwt.jti(first.accessToken()));

        assertThat(check.data().get("valid").asBoolean()).isFalse();
        assertThat(check.data().get("reason").asString()).isEqualTo("REVOKED");
        assertThat(jdbc.sql("SELECT revoked_reason FROM sessions WHERE id = ?").param(first.sessionId())
                .query(String.class).single()).isEqualTo("CONCURRENT_LIMIT");
        assertThat(jdbc.sql("SELECT count(*) FROM sessions WHERE user_id = ? AND is_active").param(customer.id())
                .query(Integer.class).single()).isEqualTo(5);
    }

    private static JsonNode withoutRequestDetails(Reply reply) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) reply.json().deepCopy();
        copy.remove("requestId");
        copy.remove("timestamp");
        return copy;
    }
}
