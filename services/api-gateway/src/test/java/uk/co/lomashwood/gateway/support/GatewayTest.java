package uk.co.lomashwood.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.gateway.ApiGatewayApplication;
import uk.co.lomashwood.gateway.edge.EdgeServer;
import uk.co.lomashwood.gateway.pipeline.MaintenanceMode;
import uk.co.lomashwood.gateway.ratelimit.PermitLeases;
import uk.co.lomashwood.gateway.resilience.UpstreamBreakers;
import uk.co.lomashwood.platform.test.EmbeddedRedisServer;

/**
 * A real gateway on a random port, real embedded Redis, WireMock upstreams (auth-service among them) and
 * analytics-service not running. All subclasses share one Spring context.
 */
@SpringBootTest(classes = ApiGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTest {

    public static final String INTERNAL_TOKEN = "test-internal-token-0123456789";
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The gateway's public port: its Netty edge (the Spring web server listens internally on loopback). */
    protected int port;
    @Autowired
    private EdgeServer edge;
    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected UpstreamBreakers breakers;
    @Autowired
    protected MaintenanceMode maintenance;
    @Autowired
    protected PermitLeases leases;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        Upstreams.reset();
        for (String name : Upstreams.RUNNING) {
            registry.add("lomash.gateway.routing.services." + name + ".url", () -> Upstreams.url(name));
        }
        registry.add("lomash.gateway.routing.services." + Upstreams.DOWN + ".url", () -> Upstreams.url(Upstreams.DOWN));
        registry.add("lomash.gateway.routing.services.customer-service.timeout", () -> "1000ms");
        registry.add("REDIS_URL", () -> redisUrl());
        registry.add("lomash.security.internal-token", () -> INTERNAL_TOKEN);
        registry.add("lomash.gateway.rate-limit.multiplier", () -> "1");
        registry.add("lomash.gateway.auth.jwks-refetch-cooldown", () -> "0s");
        registry.add("lomash.gateway.health.poll-interval", () -> "1h");
    }

    protected static String redisUrl() {
        return EmbeddedRedisServer.shared().url();
    }

    @BeforeEach
    void findTheEdgePort() {
        port = edge.port();
    }

    @BeforeEach
    protected void resetWorld() {
        Upstreams.reset();
        redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
            c.serverCommands().flushAll();
            return null;
        });
        breakers.resetAll();
        leases.clear(); // batches claimed from the Redis that was just flushed
        maintenance.set(false);
    }

    protected WireMockServer upstream(String name) {
        return Upstreams.get(name);
    }

    /** A token whose session auth-service confirms with the given role. */
    protected TestTokens.Token signIn(String role) {
        TestTokens.Token token = TestTokens.issue(role);
        session(token, "{\"data\":{\"valid\":true,\"userId\":\"" + token.userId() + "\",\"role\":\"" + role
                + "\",\"reason\":null}}");
        return token;
    }

    protected void session(TestTokens.Token token, String body) {
        upstream("auth-service").stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/internal/sessions/" + token.sessionId() + "/verify"))
                .atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    protected HttpResponse<String> call(String method, String path, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(40))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path, String... headers) {
        return call("GET", path, null, headers);
    }

    protected HttpResponse<String> post(String path, String body, String... headers) {
        return call("POST", path, body, headers);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static String code(HttpResponse<String> response) {
        JsonNode node = json(response);
        return node.path("code").isString() ? node.path("code").asString() : null;
    }
}
