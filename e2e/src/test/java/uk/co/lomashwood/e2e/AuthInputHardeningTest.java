package uk.co.lomashwood.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.co.lomashwood.auth.demo.DemoAccount;
import uk.co.lomashwood.platform.core.security.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on every auth endpoint, through the gateway: malformed JSON, wrong types, unknown
 * fields, a body over 1 MB and a non-JSON media type all get a 4xx problem — never a 500.
 * Signed-in endpoints are called with a real customer token so the body is what gets judged.
 */
@ExtendWith(RunningPlatform.class)
class AuthInputHardeningTest {

    private static final String HUGE = "{\"email\":\"" + "x".repeat(1_100_000) + "\"}";
    private static String customerToken;

    private final Gateway gateway = RunningPlatform.gateway();

    record Endpoint(String method, String path, boolean signedIn) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        String someone = UUID.randomUUID().toString();
        return List.of(
                new Endpoint("POST", "/v1/auth/register", false),
                new Endpoint("POST", "/v1/auth/login", false),
                new Endpoint("POST", "/v1/auth/mfa/verify", false),
                new Endpoint("POST", "/v1/auth/refresh", false),
                new Endpoint("POST", "/v1/auth/verify-email", false),
                new Endpoint("POST", "/v1/auth/resend-verification", false),
                new Endpoint("POST", "/v1/auth/forgot-password", false),
                new Endpoint("POST", "/v1/auth/reset-password", false),
                new Endpoint("POST", "/v1/auth/change-password", true),
                new Endpoint("POST", "/v1/auth/mfa/setup", true),
                new Endpoint("POST", "/v1/auth/mfa/enable", true),
                new Endpoint("DELETE", "/v1/auth/sessions/" + someone, true),
                new Endpoint("PATCH", "/v1/admin/users/" + someone + "/role", true),
                new Endpoint("PATCH", "/v1/admin/users/" + someone + "/status", true));
    }

    static Stream<Arguments> hostileRequests() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            cases.add(Arguments.of(endpoint, "malformed JSON", "{\"email\":", "application/json"));
            cases.add(Arguments.of(endpoint, "wrong types", "{\"email\":123,\"password\":true,\"token\":[1],\"code\":{}}", "application/json"));
            cases.add(Arguments.of(endpoint, "unknown fields", "{\"role\":\"SUPER_ADMIN\",\"isAdmin\":true}", "application/json"));
            cases.add(Arguments.of(endpoint, "a JSON array", "[]", "application/json"));
            cases.add(Arguments.of(endpoint, "a body over 1 MB", HUGE, "application/json"));
            cases.add(Arguments.of(endpoint, "XML", "<user/>", "application/xml"));
        }
        return cases.stream();
    }

    @BeforeAll
    static void signInAsTheDemoCustomer() throws Exception {
        DemoAccount customer = RunningPlatform.demoAccount(Role.CUSTOMER);
        Gateway.Reply login = RunningPlatform.gateway().post("/v1/auth/login",
                Map.of("email", customer.email(), "password", customer.password()), "X-Forwarded-For", "198.51.100.10");
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        customerToken = login.data().path("accessToken").asString();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("hostileRequests")
    void hostileInputGetsAClientErrorProblemNeverA500(Endpoint endpoint, String what, String body, String contentType)
            throws Exception {
        List<String> headers = new ArrayList<>(List.of(
                "X-Forwarded-For", "198.51.100." + (20 + Math.floorMod(endpoint.path().hashCode() + what.hashCode(), 200)),
                "Origin", "http://localhost:5173"));
        if (endpoint.signedIn()) {
            headers.addAll(List.of("Authorization", "Bearer " + customerToken));
        }

        Gateway.Reply reply = gateway.send(endpoint.method(), endpoint.path(), body, contentType, headers.toArray(String[]::new));

        assertThat(reply.status()).as("%s %s with %s: %s", endpoint.method(), endpoint.path(), what, abbreviate(reply.raw()))
                .isBetween(400, 499);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(reply.code()).isNotBlank();
        assertThat(reply.raw()).doesNotContain("Exception", "at uk.co", "at org.");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
