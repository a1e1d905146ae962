package uk.co.lomashwood.sample;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.test.PlatformTestProperties;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=sample-service")
class PlatformWebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "platform_web_test");
    }

    record Reply(int status, java.net.http.HttpHeaders headers, JsonNode body) {
        String code() {
            return body.path("code").asString();
        }
    }

    private Reply send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), response.headers(), json);
    }

    private Reply internal(String method, String path, String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Internal-Token";
        all[1] = PlatformTestProperties.INTERNAL_TOKEN;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, body, all);
    }

    @Test
    void requestsWithoutTheInternalTokenAreRefusedWithAProblem() throws Exception {
        Reply reply = send("GET", "/v1/me", null, "X-User-Id", UUID.randomUUID().toString(), "X-User-Role", "ADMIN");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
        assertThat(reply.body().path("requestId").asString()).isEqualTo(reply.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void aWrongInternalTokenIsRefused() throws Exception {
        assertThat(send("GET", "/v1/me", null, "X-Internal-Token", "guess").status()).isEqualTo(401);
    }

    @Test
    void healthNeedsNoTokenAndChecksTheDatabaseAndRedis() throws Exception {
        Reply health = send("GET", "/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asString()).isEqualTo("healthy");
        assertThat(health.body().path("service").asString()).isEqualTo("sample-service");
        assertThat(health.body().path("checks").path("database").asString()).isEqualTo("ok");
        assertThat(health.body().path("checks").path("redis").asString()).isEqualTo("ok");
        assertThat(send("GET", "/health/ready", null).status()).isEqualTo(200);
        assertThat(send("GET", "/health/live", null).body().path("status").asString()).isEqualTo("ok");
    }

    @Test
    void prometheusMetricsAreServedAtMetricsWithTheServiceTag() throws Exception {
        internal("GET", "/v1/me", null);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_bucket").contains("service=\"sample-service\"");
    }

    @Test
    void filterBracketsAreAcceptedUnencodedAsCurlSendsThem() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /v1/me?filter[colour]=white,cream HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Internal-Token: " + PlatformTestProperties.INTERNAL_TOKEN + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            assertThat(statusLine).contains(" 200");
        }
    }

    @Test
    void aNumberWhereTextIsExpectedIsRefused() throws Exception {
        assertThat(internal("POST", "/v1/notes", "{\"product\":\"a\",\"quantity\":1,\"email\":7}").status()).isEqualTo(400);
    }

    @Test
    void aValidInboundRequestIdIsKeptAndAnInvalidOneReplaced() throws Exception {
        assertThat(internal("GET", "/v1/me", null, "X-Request-Id", "abc_DEF-123").headers().firstValue("X-Request-Id"))
                .hasValue("abc_DEF-123");
        String replaced = internal("GET", "/v1/me", null, "X-Request-Id", "<script>").headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(replaced)).isNotNull();
    }

    @Test
    void anApiExceptionBecomesAProblemWithItsCatalogueCode() throws Exception {
        Reply reply = internal("GET", "/v1/things/" + UUID.randomUUID(), null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(reply.body().path("type").asString()).isEqualTo("urn:lomashwood:problem:product-not-found");
        assertThat(reply.body().path("title").asString()).isEqualTo("Not Found");
        assertThat(reply.body().path("instance").asString()).startsWith("/v1/things/");
        assertThat(reply.body().path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void aMalformedPathParameterIsAValidationError() throws Exception {
        Reply reply = internal("GET", "/v1/things/not-a-uuid", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").get(0).path("field").asString()).isEqualTo("id");
    }

    @Test
    void identityHeadersReachTheControllerAsUserContext() throws Exception {
        UUID user = UUID.randomUUID();
        Reply reply = internal("GET", "/v1/me", null, "X-User-Id", user.toString(), "X-User-Role", "CUSTOMER");
        assertThat(reply.body().path("data").path("userId").asString()).isEqualTo(user.toString());
        assertThat(reply.body().path("data").path("role").asString()).isEqualTo("CUSTOMER");
        assertThat(internal("GET", "/v1/me", null).body().path("data").path("userId").isNull()).isTrue();
        assertThat(internal("GET", "/v1/me", null, "X-User-Id", "1 OR 1=1", "X-User-Role", "ADMIN").status()).isEqualTo(401);
    }

    @Test
    void roleGuardSaysUnauthorisedForAnonymousAndForbiddenForTheWrongRole() throws Exception {
        assertThat(internal("GET", "/v1/admin/things", null).code()).isEqualTo("UNAUTHORIZED");
        Reply customer = internal("GET", "/v1/admin/things", null, "X-User-Id", UUID.randomUUID().toString(), "X-User-Role", "CUSTOMER");
        assertThat(customer.status()).isEqualTo(403);
        assertThat(customer.code()).isEqualTo("FORBIDDEN");
        Reply superAdmin = internal("GET", "/v1/admin/things", null, "X-User-Id", UUID.randomUUID().toString(), "X-User-Role", "SUPER_ADMIN");
        assertThat(superAdmin.status()).isEqualTo(200);
        assertThat(superAdmin.body().path("pagination").path("totalPages").asInt()).isEqualTo(1);
        assertThat(superAdmin.body().path("pagination").path("hasPrevPage").asBoolean()).isFalse();
    }

    @Test
    void offsetLimitOutOfRangeIsAValidationError() throws Exception {
        Reply reply = internal("GET", "/v1/admin/things?limit=500", null, "X-User-Id", UUID.randomUUID().toString(), "X-User-Role", "ADMIN");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").get(0).path("field").asString()).isEqualTo("limit");
    }

    @Test
    void unknownFieldsWrongTypesAndBrokenJsonAreValidationErrors() throws Exception {
        Reply unknown = internal("POST", "/v1/orders", "{\"product\":\"door\",\"quantity\":1,\"isAdmin\":true}", "Idempotency-Key", key());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(unknown.body().path("errors").get(0).path("field").asString()).isEqualTo("isAdmin");

        Reply wrongType = internal("POST", "/v1/orders", "{\"product\":\"door\",\"quantity\":\"many\"}", "Idempotency-Key", key());
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().path("errors").get(0).path("field").asString()).isEqualTo("quantity");

        Reply numberAsText = internal("POST", "/v1/orders", "{\"product\":\"door\",\"quantity\":\"2\"}", "Idempotency-Key", key());
        assertThat(numberAsText.status()).isEqualTo(400);
        Reply textAsNumber = internal("POST", "/v1/orders", "{\"product\":42,\"quantity\":2}", "Idempotency-Key", key());
        assertThat(textAsNumber.status()).isEqualTo(400);

        Reply fractional = internal("POST", "/v1/orders", "{\"product\":\"door\",\"quantity\":1.5}", "Idempotency-Key", key());
        assertThat(fractional.status()).isEqualTo(400);

        Reply broken = internal("POST", "/v1/orders", "{\"product\":", "Idempotency-Key", key());
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.code()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void beanValidationFailuresNameTheFields() throws Exception {
        Reply reply = internal("POST", "/v1/orders", "{\"product\":\"\",\"quantity\":1,\"email\":\"nope\"}", "Idempotency-Key", key());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("product", "email");
    }

    @Test
    void unknownRoutesWrongMethodsAndMediaTypesGetProblems() throws Exception {
        Reply missing = internal("GET", "/v1/nothing-here", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NOT_FOUND");
        assertThat(internal("DELETE", "/v1/me", null).code()).isEqualTo("METHOD_NOT_ALLOWED");
        HttpResponse<String> xml = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/notes"))
                .header("X-Internal-Token", PlatformTestProperties.INTERNAL_TOKEN).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<a/>")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(xml.statusCode()).isEqualTo(415);
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413() throws Exception {
        String huge = "{\"product\":\"" + "x".repeat(1_100_000) + "\",\"quantity\":1}";
        Reply reply = internal("POST", "/v1/notes", huge);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void anUnexpectedFailureIsAGeneric500ThatRevealsNothing() throws Exception {
        Reply reply = internal("POST", "/v1/orders", "{\"product\":\"explode\",\"quantity\":1}", "Idempotency-Key", key());
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(reply.body().toString()).doesNotContain("hunter2", "IllegalStateException", "at uk.co");
    }

    @Test
    void aReplayedIdempotentPostReturnsTheStoredResponseAndRunsOnce() throws Exception {
        String key = key();
        String body = "{\"product\":\"door\",\"quantity\":2}";
        int before = SampleApplication.ORDERS_CREATED.get();

        Reply first = internal("POST", "/v1/orders", body, "Idempotency-Key", key);
        Reply replay = internal("POST", "/v1/orders", "{ \"quantity\": 2, \"product\": \"door\" }", "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("data").path("total").decimalValue()).isEqualByComparingTo("39.98");
        assertThat(first.body().path("data").path("createdAt").asString()).isEqualTo("2026-02-19T10:30:00.000Z");
        assertThat(first.body().path("data").has("note")).isTrue();
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(SampleApplication.ORDERS_CREATED.get()).isEqualTo(before + 1);
    }

    @Test
    void reusingAKeyWithADifferentBodyIsRefused() throws Exception {
        String key = key();
        internal("POST", "/v1/orders", "{\"product\":\"door\",\"quantity\":1}", "Idempotency-Key", key);
        Reply reuse = internal("POST", "/v1/orders", "{\"product\":\"door\",\"quantity\":9}", "Idempotency-Key", key);
        assertThat(reuse.status()).isEqualTo(422);
        assertThat(reuse.code()).isEqualTo("IDEMPOTENCY_KEY_MISMATCH");
    }

    @Test
    void keysAreScopedPerCaller() throws Exception {
        String key = key();
        String body = "{\"product\":\"door\",\"quantity\":1}";
        Reply alice = internal("POST", "/v1/orders", body, "Idempotency-Key", key, "X-User-Id", UUID.randomUUID().toString(), "X-User-Role", "CUSTOMER");
        Reply bob = internal("POST", "/v1/orders", body, "Idempotency-Key", key, "X-User-Id", UUID.randomUUID().toString(), "X-User-Role", "CUSTOMER");
        assertThat(bob.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(bob.body().path("data").path("id")).isNotEqualTo(alice.body().path("data").path("id"));
    }

    @Test
    void aMissingRequiredKeyIsRefusedAndAFailedRequestReleasesItsKey() throws Exception {
        Reply missing = internal("POST", "/v1/orders", "{\"product\":\"door\",\"quantity\":1}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");

        String key = key();
        int before = SampleApplication.ORDERS_CREATED.get();
        assertThat(internal("POST", "/v1/orders", "{\"product\":\"explode\",\"quantity\":1}", "Idempotency-Key", key).status()).isEqualTo(500);
        assertThat(internal("POST", "/v1/orders", "{\"product\":\"explode\",\"quantity\":1}", "Idempotency-Key", key).status()).isEqualTo(500);
        assertThat(SampleApplication.ORDERS_CREATED.get()).isEqualTo(before + 2);
    }

    @Test
    void anOptionalKeyIsHonouredWhenSent() throws Exception {
        String key = key();
        Reply first = internal("POST", "/v1/notes", "{\"product\":\"a\",\"quantity\":1}", "Idempotency-Key", key);
        Reply again = internal("POST", "/v1/notes", "{\"product\":\"a\",\"quantity\":1}", "Idempotency-Key", key);
        assertThat(again.body().path("data").asInt()).isEqualTo(first.body().path("data").asInt());
        Reply without = internal("POST", "/v1/notes", "{\"product\":\"a\",\"quantity\":1}");
        assertThat(without.status()).isEqualTo(200);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aKeepAliveConnectionServesMoreThanTomcatsDefaultHundredRequests() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            for (int i = 1; i <= 150; i++) {
                out.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(in);
                assertThat(head).as("answer %d", i).startsWith("HTTP/1.1 200");
                assertThat(head.toLowerCase(java.util.Locale.ROOT)).as("answer %d", i).doesNotContain("connection: close");
                skipBody(head, in);
            }
        }
    }

    /** Reads past a Content-Length or chunked body. */
    private static void skipBody(String head, java.io.InputStream in) throws java.io.IOException {
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
            return;
        }
        for (int size = -1; size != 0; ) {
            String line = readLine(in);
            size = Integer.parseInt(line.trim(), 16);
            in.readNBytes(size + 2); // the chunk and its CRLF (the last chunk's CRLF ends the body)
        }
    }

    private static String readLine(java.io.InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new java.io.EOFException("connection closed in a chunked body");
            }
            line.append((char) b);
        }
        return line.toString();
    }

    private static String readHead(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
