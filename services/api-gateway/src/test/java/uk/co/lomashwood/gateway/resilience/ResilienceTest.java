package uk.co.lomashwood.gateway.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import uk.co.lomashwood.gateway.support.GatewayTest;

class ResilienceTest extends GatewayTest {

    private static final String PROBLEM_503 = "{\"type\":\"urn:lomashwood:problem:service-unavailable\","
            + "\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"down\",\"instance\":\"/v1/products\","
            + "\"code\":\"SERVICE_UNAVAILABLE\",\"requestId\":\"r\"}";

    @Test
    void getIsRetriedOnA503AndSucceeds() {
        upstream("product-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/products")).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        upstream("product-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/products")).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        HttpResponse<String> response = get("/v1/products");
        assertThat(response.statusCode()).isEqualTo(200);
        upstream("product-service").verify(2, getRequestedFor(urlEqualTo("/v1/products")));
    }

    @Test
    void postIsNeverRetried() {
        upstream("order-payment-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/checkout/summary")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")));
        HttpResponse<String> response = post("/v1/checkout/summary", "{}");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(code(response)).isEqualTo("UPSTREAM_ERROR");
        assertThat(response.body()).doesNotContain("html");
        upstream("order-payment-service").verify(1, postRequestedFor(urlEqualTo("/v1/checkout/summary")));
    }

    @Test
    void conformingUpstreamProblemsPassThroughUnchanged() {
        String conflict = "{\"type\":\"urn:lomashwood:problem:email-already-exists\",\"title\":\"Conflict\","
                + "\"status\":409,\"detail\":\"taken\",\"instance\":\"/v1/auth/register\","
                + "\"code\":\"EMAIL_ALREADY_EXISTS\",\"requestId\":\"r\"}";
        upstream("auth-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/auth/register")).atPriority(1).willReturn(aResponse()
                .withStatus(409).withHeader("Content-Type", "application/problem+json").withBody(conflict)));
        HttpResponse<String> response = post("/v1/auth/register", "{}");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).isEqualTo(conflict);
        upstream("content-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/contact")).atPriority(1).willReturn(aResponse()
                .withStatus(503).withHeader("Content-Type", "application/problem+json").withBody(PROBLEM_503)));
        HttpResponse<String> unavailable = post("/v1/contact", "{}");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).isEqualTo(PROBLEM_503);
    }

    @Test
    void nonConformingServerErrorsBecome502() {
        upstream("product-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/products/boom")).atPriority(1).willReturn(aResponse()
                .withStatus(500).withBody("java.lang.NullPointerException at com.example.Foo")));
        HttpResponse<String> response = get("/v1/products/boom");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(code(response)).isEqualTo("UPSTREAM_ERROR");
        assertThat(response.body()).doesNotContain("NullPointerException");
    }

    @Test
    void breakerOpensAfterFailuresAndFailsFastWithRetryAfter() {
        upstream("product-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/products/fail")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 5; i++) {
            assertThat(get("/v1/products/fail").statusCode()).isEqualTo(502);
        }
        HttpResponse<String> open = get("/v1/products/other");
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(code(open)).isEqualTo("SERVICE_UNAVAILABLE");
        long retryAfter = Long.parseLong(open.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(25L, 30L);
        assertThat(json(open).path("retryAfter").asLong()).isEqualTo(retryAfter);
        upstream("product-service").verify(0, getRequestedFor(urlEqualTo("/v1/products/other")));
        assertThat(get("/v1/blog").statusCode()).as("other upstreams unaffected").isEqualTo(200);
    }

    @Test
    void slowUpstreamGets504() {
        upstream("customer-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/v1/customers/referrals/validate/x")).atPriority(1)
                .willReturn(aResponse().withFixedDelay(2500).withStatus(200)));
        upstream("customer-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/customers/referrals/validate/x")).atPriority(1)
                .willReturn(aResponse().withFixedDelay(2500).withStatus(200)));
        long start = System.nanoTime();
        HttpResponse<String> response = get("/v1/customers/referrals/validate/x");
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(code(response)).isEqualTo("GATEWAY_TIMEOUT");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2400);
    }
}
