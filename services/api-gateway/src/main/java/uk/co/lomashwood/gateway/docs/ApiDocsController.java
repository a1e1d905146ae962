package uk.co.lomashwood.gateway.docs;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.co.lomashwood.platform.web.request.RequestIds;
import uk.co.lomashwood.gateway.routing.RouteTable;
import uk.co.lomashwood.gateway.routing.Upstream;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.error.ProblemResponseWriter;

/**
 * Serves each service's OpenAPI document at {@code /docs/{service}/openapi.json} for the aggregated Swagger UI
 * (springdoc {@code swagger-ui.urls}). The document's {@code servers} are replaced by the gateway itself, so "Try it
 * out" goes through the gateway like any client; nothing under {@code /internal} is exposed.
 */
@RestController
@Hidden
public class ApiDocsController {

    private final RouteTable routes;
    private final HttpClient http;
    private final ObjectMapper json;
    private final String internalToken;

    public ApiDocsController(RouteTable routes, HttpClient gatewayHttpClient, ObjectMapper json,
            @Value("${lomash.security.internal-token}") String internalToken) {
        this.routes = routes;
        this.http = gatewayHttpClient;
        this.json = json;
        this.internalToken = internalToken;
    }

    @GetMapping("/docs/{service}/openapi.json")
    public void apiDocs(@PathVariable String service, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String requestId = RequestIds.current();
        Upstream upstream = routes.upstream(service).orElse(null);
        if (upstream == null) {
            ProblemResponseWriter.write(request, response, new ApiException(ErrorCode.NOT_FOUND, "Unknown service."));
            return;
        }
        try {
            HttpRequest upstreamRequest = HttpRequest.newBuilder(upstream.resolve("/v3/api-docs", null))
                    .timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json")
                    .header("X-Internal-Token", internalToken)
                    .header("X-Service-Name", "api-gateway")
                    .header(RequestIds.HEADER, requestId)
                    .GET().build();
            HttpResponse<byte[]> answer = http.send(upstreamRequest, HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IOException("status " + answer.statusCode());
            }
            JsonNode doc = json.readTree(answer.body());
            if (doc instanceof ObjectNode object) {
                object.set("servers", json.valueToTree(List.of(Map.of("url", "/", "description", "api-gateway"))));
            }
            byte[] body = json.writeValueAsBytes(doc);
            response.setContentType("application/json");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (IOException | JacksonException e) {
            ProblemResponseWriter.write(request, response, new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The API description of " + service + " is not available."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
