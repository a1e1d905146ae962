package uk.co.lomashwood.gateway.docs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import uk.co.lomashwood.gateway.support.GatewayTest;

class ApiDocsTest extends GatewayTest {

    @Test
    void swaggerUiIsServedAtTheGateway() {
        HttpResponse<String> redirect = get("/swagger-ui.html");
        assertThat(redirect.statusCode()).isIn(200, 302);
        HttpResponse<String> page = get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger");
        HttpResponse<String> config = get("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(json(config).path("configUrl").asString()).isEqualTo("/v3/api-docs/swagger-config");
        assertThat(json(config).path("urls").findValuesAsString("url"))
                .contains("/docs/auth-service/openapi.json", "/docs/analytics-service/openapi.json", "/v3/api-docs");
    }

    @Test
    void serviceDocsAreProxiedWithTheGatewayAsServer() {
        upstream("product-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v3/api-docs")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"openapi\":\"3.1.0\",\"servers\":[{\"url\":\"http://127.0.0.1:3002\"}],\"paths\":{}}")));
        HttpResponse<String> docs = get("/docs/product-service/openapi.json");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs).path("servers").get(0).path("url").asString()).isEqualTo("/");
        HttpResponse<String> down = get("/docs/analytics-service/openapi.json");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(code(down)).isEqualTo("SERVICE_UNAVAILABLE");
    }
}
