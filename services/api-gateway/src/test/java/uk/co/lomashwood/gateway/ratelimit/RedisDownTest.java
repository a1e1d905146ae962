package uk.co.lomashwood.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.co.lomashwood.gateway.support.GatewayTest;

/** Redis unreachable: limits fail open, except the credential policies, which keep an in-memory window. */
class RedisDownTest extends GatewayTest {

    @DynamicPropertySource
    static void redisNowhere(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        int closed = port;
        registry.add("lomash.gateway.redis.url", () -> "redis://127.0.0.1:" + closed);
    }

    @Override
    @BeforeEach
    protected void resetWorld() {
        uk.co.lomashwood.gateway.support.Upstreams.reset();
        breakers.resetAll();
    }

    @Test
    void baselineFailsOpenButLoginKeepsAnInMemoryWindow() {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> products = get("/v1/products");
            assertThat(products.statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(post("/v1/auth/login", "{\"email\":\"a@b.co\"}").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = post("/v1/auth/login", "{\"email\":\"a@b.co\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void readinessReportsRedis() {
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        assertThat(json(ready).path("checks").path("redis").asString()).isNotEqualTo("ok");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }
}
