package uk.co.lomashwood.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.gateway.support.GatewayTest;

class HealthTest extends GatewayTest {

    @Autowired
    UpstreamHealthPoller poller;

    @Test
    void liveReadyAndHealthReportTheGatewaysOwnDependencies() {
        HttpResponse<String> live = get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(json(live).path("status").asString()).isEqualTo("ok");
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).path("checks").path("redis").asString()).isEqualTo("ok");
        assertThat(json(ready).path("checks").path("jwks").asString()).isEqualTo("ok");
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).path("status").asString()).isEqualTo("healthy");
        assertThat(json(health).path("service").asString()).isEqualTo("api-gateway");
        assertThat(json(health).has("data")).isFalse();
    }

    @Test
    void servicesAggregatesUpstreamHealthByPriority() {
        poller.pollNow();
        HttpResponse<String> response = get("/health/services");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = json(response);
        assertThat(body.path("status").asString()).as("analytics (low priority) down").isEqualTo("degraded");
        assertThat(body.path("checkedAt").isString()).isTrue();
        JsonNode services = body.path("services");
        assertThat(services.size()).isEqualTo(8);
        for (JsonNode service : services) {
            String expected = service.path("name").asString().equals("analytics-service") ? "unhealthy" : "healthy";
            assertThat(service.path("status").asString()).as(service.toString()).isEqualTo(expected);
            assertThat(service.path("breaker").asString()).isEqualTo("CLOSED");
        }
    }

    @Test
    void aCriticalServiceDownMakesTheAggregate503() {
        upstream("auth-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/health")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        poller.pollNow();
        HttpResponse<String> response = get("/health/services");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("status").asString()).isEqualTo("unhealthy");
        assertThat(get("/health/ready").statusCode()).as("upstreams never drive readiness").isEqualTo(200);
    }
}
