package uk.co.lomashwood.gateway.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uk.co.lomashwood.gateway.support.GatewayTest;

class BodyAndMaintenanceTest extends GatewayTest {

    @Test
    void bodiesOverOneMegabyteAre413() {
        String big = "{\"text\":\"" + "x".repeat(1024 * 1024) + "\"}";
        HttpResponse<String> response = post("/v1/contact", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(code(response)).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(upstream("content-service").getAllServeEvents()).isEmpty();
    }

    @Test
    void multipartUploadsStreamThroughAboveTheJsonLimit() throws Exception {
        byte[] file = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(file, (byte) 'z');
        String boundary = "b0undary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/v1/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", signIn("ADMIN").bearer())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        upstream("content-service").verify(postRequestedFor(urlEqualTo("/v1/uploads"))
                .withRequestBody(binaryEqualTo(body.toByteArray())));
    }

    @Test
    void malformedJsonIs400BeforeAnyUpstream() {
        for (String body : new String[] {"{\"email\":", "not json", "{\"a\":1} trailing"}) {
            HttpResponse<String> response = post("/v1/auth/login", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(code(response)).as(body).isEqualTo("VALIDATION_ERROR");
        }
        assertThat(upstream("auth-service").getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/v1/"))).isEmpty();
    }

    @Test
    void webhookBodiesPassByteForByteWithoutParsing() {
        String raw = "{not json at all \u00e9}";
        HttpResponse<String> response = post("/v1/webhooks/stripe", raw, "Stripe-Signature", "t=1,v1=abc");
        assertThat(response.statusCode()).isEqualTo(200);
        upstream("order-payment-service").verify(postRequestedFor(urlEqualTo("/v1/webhooks/stripe"))
                .withRequestBody(binaryEqualTo(raw.getBytes(StandardCharsets.UTF_8)))
                .withHeader("Stripe-Signature", com.github.tomakehurst.wiremock.client.WireMock.equalTo("t=1,v1=abc")));
    }

    @Test
    void largeResponsesAreGzippedWhenAccepted() {
        upstream("product-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/products")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"data\":\"" + "y".repeat(5000) + "\"}")));
        HttpResponse<String> response = get("/v1/products", "Accept-Encoding", "gzip");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void maintenanceModeAnswers503ExceptHealthAndWebhooks() {
        maintenance.set(true);
        HttpResponse<String> response = get("/v1/products");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(code(response)).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("300");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(post("/v1/webhooks/ses", "{}").statusCode()).isEqualTo(200);
    }
}
