package uk.co.lomashwood.tools.checks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/** scripts/smoke-test against a fake gateway: what passes, what is skipped, what fails. */
class SmokeTestScriptTest {

    private static final Repository REPO = Repository.current();
    private static final String EMAIL = "customer@demo.lomashwood.local";
    private static final Map<String, String> CREDENTIALS = Map.of("SMOKE_EMAIL", EMAIL, "SMOKE_PASSWORD", "pw-from-env-1",
            "SMOKE_TIMEOUT", "5");

    private FakeGateway gateway;

    @BeforeAll
    static void bashAndCurl() {
        if (!ExternalTool.onPath("bash") || !ExternalTool.onPath("curl")) {
            if (ExternalTool.mustRun()) {
                fail("bash and curl are required when CI=true");
            }
            abort("bash or curl missing; skipped on this machine");
        }
    }

    @BeforeEach
    void todaysPlatform() throws Exception {
        // What the launcher answers today: gateway and auth up, product and appointment services not built yet.
        gateway = new FakeGateway()
                .answer("GET /health/live", 200, "{\"status\":\"ok\"}")
                .answer("GET /health/ready", 200, "{\"status\":\"ok\",\"checks\":{\"redis\":\"ok\"}}")
                .answer("GET /health/services", 200, "{\"status\":\"degraded\",\"services\":{}}")
                .answer("POST /v1/auth/login", 200, "{\"data\":{\"accessToken\":\"eyJhbGciOi.test.token\",\"expiresIn\":900}}")
                .answer("GET /v1/auth/me", 200, "{\"data\":{\"email\":\"" + EMAIL + "\",\"role\":\"CUSTOMER\"}}")
                .answer("GET /v1/products", FakeGateway.UNAVAILABLE)
                .answer("GET /v1/appointments/types", FakeGateway.UNAVAILABLE);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void servicesNotDeployedYetAreSkippedAndTheRunPasses() {
        ExternalTool.Result result = smoke(CREDENTIALS, gateway.url());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("PASS  health /health/live", "PASS  health /health/ready",
                "PASS  health /health/services", "PASS  sign in", "PASS  sign in: /v1/auth/me",
                "SKIP  browse /v1/products", "SKIP  book /v1/appointments", "5 passed, 0 failed, 2 skipped");
        assertThat(gateway.requests).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/auth/login");
            assertThat(r.body()).isEqualTo("{\"email\":\"" + EMAIL + "\",\"password\":\"pw-from-env-1\"}");
        });
        assertThat(gateway.requests).anySatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer eyJhbGciOi.test.token"));
    }

    @Test
    void aGateway503CausedOnlyByServicesNotDeployedIsASkipUnlessTheyShouldBeDeployed() {
        gateway.answer("GET /health/services", 503, """
                {"status":"unhealthy","services":[
                 {"name":"auth-service","status":"healthy","priority":"critical"},
                 {"name":"order-payment-service","status":"unhealthy","priority":"critical","error":"unreachable"}]}""");

        ExternalTool.Result today = smoke(CREDENTIALS, gateway.url());
        assertThat(today.exitCode()).as(today.output()).isZero();
        assertThat(today.output()).contains("SKIP  health /health/services", "not deployed: order-payment-service");

        ExternalTool.Result expected = smoke(CREDENTIALS, "--deployed", "auth-service order-payment-service", gateway.url());
        assertThat(expected.exitCode()).isEqualTo(1);
        assertThat(expected.output()).contains("FAIL  health /health/services", "unhealthy: order-payment-service");
    }

    @Test
    void anUnhealthyUpstreamThatIsReachableFails() {
        gateway.answer("GET /health/services", 503, """
                {"status":"unhealthy","services":[{"name":"auth-service","status":"unhealthy","error":"status 500"}]}""");
        assertThat(smoke(CREDENTIALS, gateway.url()).output()).contains("FAIL  health /health/services", "auth-service");
    }

    @Test
    void aDeployedServiceAnswering503Fails() {
        ExternalTool.Result result = smoke(CREDENTIALS, "--deployed", "api-gateway,auth-service,product-service", gateway.url());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("FAIL  browse /v1/products", "product-service is deployed",
                "SKIP  book /v1/appointments");
    }

    @Test
    void anUnexpectedAnswerFails() {
        gateway.answer("GET /v1/products", 500, "{\"code\":\"INTERNAL_ERROR\"}");

        ExternalTool.Result result = smoke(CREDENTIALS, gateway.url());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("FAIL  browse /v1/products", "500", "1 failed");
    }

    @Test
    void a503ThatIsNotServiceUnavailableFails() {
        gateway.answer("GET /v1/products", 503, "{\"code\":\"MAINTENANCE\"}");
        assertThat(smoke(CREDENTIALS, gateway.url()).exitCode()).isEqualTo(1);
    }

    @Test
    void aFailedSignInFailsAndMissingCredentialsFailOnlyWhenRequired() {
        gateway.answer("POST /v1/auth/login", 401, "{\"code\":\"INVALID_CREDENTIALS\"}");
        assertThat(smoke(CREDENTIALS, gateway.url()).output()).contains("FAIL  sign in", "401");

        ExternalTool.Result anonymous = smoke(Map.of(), gateway.url());
        assertThat(anonymous.exitCode()).isZero();
        assertThat(anonymous.output()).contains("SKIP  sign in", "SMOKE_PASSWORD is not set");
        assertThat(smoke(Map.of(), "--require-sign-in", gateway.url()).exitCode()).isEqualTo(1);
    }

    @Test
    void strictModeTurnsSkipsIntoFailures() {
        ExternalTool.Result result = smoke(CREDENTIALS, "--strict", gateway.url());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("skipped in --strict mode");
    }

    @Test
    void withEveryServiceDeployedItBrowsesAndBooks() {
        gateway.answer("GET /v1/products", 200, "{\"data\":[{\"id\":\"p1\",\"title\":\"Shaker\"}],\"meta\":{}}")
                .answer("GET /v1/appointments/types", 200, "{\"data\":[{\"type\":\"ONLINE\"}]}")
                .answer("GET /v1/appointments/availability", 200, """
                        {"data":{"slots":[{"id":"s-busy","startTime":"10:00","isAvailable":false},
                        {"id":"5b0e7f3e-8f5a-4c1e-9a7e-1f2d3c4b5a69","startTime":"11:00","isAvailable":true,
                         "consultant":{"id":"c1","name":"Oliver"}}]}}""")
                .answer("POST /v1/appointments", 201, "{\"data\":{\"id\":\"b1\",\"manageToken\":\"t\"}}");

        ExternalTool.Result result = smoke(CREDENTIALS, "--book", "--strict", gateway.url());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("PASS  browse /v1/products", "PASS  book: availability",
                "PASS  book /v1/appointments", "9 passed, 0 failed, 0 skipped");
        assertThat(gateway.requests).filteredOn(r -> r.method().equals("POST") && r.path().equals("/v1/appointments"))
                .singleElement().satisfies(r -> assertThat(r.body()).contains(
                        "\"slotId\":\"5b0e7f3e-8f5a-4c1e-9a7e-1f2d3c4b5a69\"", "\"appointmentType\":\"ONLINE\""));
        assertThat(gateway.requests).anySatisfy(r -> assertThat(r.path()).startsWith(
                "/v1/appointments/availability?type=ONLINE&forKitchen=true&from="));
    }

    @Test
    void anUnreachablePlatformFailsAndAMissingUrlIsAUsageError() {
        ExternalTool.Result down = smoke(CREDENTIALS, "http://127.0.0.1:9");
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.output()).contains("FAIL  health /health/live", "000");
        assertThat(smoke(Map.of()).exitCode()).isEqualTo(2);
    }

    private static ExternalTool.Result smoke(Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "scripts/smoke-test"));
        command.addAll(List.of(args));
        Map<String, String> environment = new java.util.HashMap<>(Map.of("SMOKE_EMAIL", "", "SMOKE_PASSWORD", ""));
        environment.putAll(env);
        if (environment.get("SMOKE_EMAIL").isEmpty()) {
            environment.put("SMOKE_EMAIL", EMAIL);
        }
        return ExternalTool.run(REPO.root(), command, environment, 60);
    }
}
