package uk.co.lomashwood.auth.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.test.http.ServiceCaller;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every body-taking endpoint answers bad input with a 4xx problem, never a 500 (issue #2, item 8). */
class MalformedRequestsIT extends AuthIntegrationTest {

    private static final UUID SOMEONE = UUID.randomUUID();

    record Endpoint(String method, String path, String validBody) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/v1/auth/register", """
                        {"email":"a@example.co.uk","password":"Oak&Walnut-Kitchen-42","firstName":"Al","lastName":"Bee"}"""),
                new Endpoint("POST", "/v1/auth/login", "{\"email\":\"a@example.co.uk\",\"password\":\"x\"}"),
                new Endpoint("POST", "/v1/auth/mfa/verify", "{\"mfaToken\":\"x\",\"code\":\"123456\"}"),
                new Endpoint("POST", "/v1/auth/mfa/setup", "{\"mfaToken\":\"x\"}"),
                new Endpoint("POST", "/v1/auth/mfa/enable", "{\"mfaToken\":\"x\",\"code\":\"123456\"}"),
                new Endpoint("POST", "/v1/auth/refresh", "{\"refreshToken\":\"x\"}"),
                new Endpoint("POST", "/v1/auth/logout", "{\"refreshToken\":\"x\"}"),
                new Endpoint("POST", "/v1/auth/verify-email", "{\"token\":\"" + "a".repeat(64) + "\"}"),
                new Endpoint("POST", "/v1/auth/resend-verification", "{\"email\":\"a@example.co.uk\"}"),
                new Endpoint("POST", "/v1/auth/forgot-password", "{\"email\":\"a@example.co.uk\"}"),
                new Endpoint("POST", "/v1/auth/reset-password", "{\"token\":\"" + "a".repeat(64)
                        + "\",\"newPassword\":\"x\",\"confirmPassword\":\"x\"}"),
                new Endpoint("POST", "/v1/auth/change-password",
                        "{\"currentPassword\":\"x\",\"newPassword\":\"y\",\"confirmPassword\":\"y\"}"),
                new Endpoint("PATCH", "/v1/admin/users/" + SOMEONE + "/role", "{\"role\":\"CUSTOMER\"}"),
                new Endpoint("PATCH", "/v1/admin/users/" + SOMEONE + "/status", "{\"status\":\"ACTIVE\",\"reason\":\"x\"}"),
                new Endpoint("POST", "/internal/users/" + SOMEONE + "/verify-password", "{\"password\":\"x\"}"));
    }

    /** Signed in as a super admin so that the admin routes reach their body parsing. */
    private ServiceCaller caller() {
        return api().as(UUID.randomUUID(), "SUPER_ADMIN");
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asString()).isNotBlank();
        assertThat(reply.raw()).doesNotContain("Exception", "at uk.co", "org.springframework");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void malformedJsonIsABadRequest(Endpoint endpoint) {
        assertProblem(caller().send(endpoint.method(), endpoint.path(), "{\"email\": "), 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void wrongTypesAreABadRequest(Endpoint endpoint) {
        String body = endpoint.validBody().replaceFirst(":\"[^\"]*\"", ":{\"nested\":[1,2]}");
        assertProblem(caller().send(endpoint.method(), endpoint.path(), body), 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void unknownFieldsAreABadRequest(Endpoint endpoint) {
        String body = endpoint.validBody().replaceFirst("\\{", "{\"isAdmin\":true,");
        assertProblem(caller().send(endpoint.method(), endpoint.path(), body), 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void hugeBodiesAreRefused(Endpoint endpoint) {
        String body = endpoint.validBody().replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(1_100_000) + "\",");
        Reply reply = caller().send(endpoint.method(), endpoint.path(), body);
        assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void otherMediaTypesAreUnsupported(Endpoint endpoint) {
        Reply reply = caller().with("Content-Type", "text/plain").send(endpoint.method(), endpoint.path(), "hello");
        assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void overlongStringsAreABadRequest(Endpoint endpoint) {
        String body = endpoint.validBody().replaceFirst(":\"[^\"]*\"", ":\"" + "y".repeat(5000) + "\"");
        assertProblem(caller().send(endpoint.method(), endpoint.path(), body), 400);
    }
}
