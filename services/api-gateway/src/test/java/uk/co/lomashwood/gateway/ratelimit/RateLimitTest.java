package uk.co.lomashwood.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import uk.co.lomashwood.gateway.support.GatewayTest;
import uk.co.lomashwood.gateway.support.TestTokens;

class RateLimitTest extends GatewayTest {

    @Test
    void registerAllowsFivePerHourThenAnswers429WithRetryAfter() {
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> ok = post("/v1/auth/register", "{\"email\":\"u" + i + "@example.com\"}");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-RateLimit-Limit")).hasValue("5");
            assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(5 - i));
        }
        HttpResponse<String> refused = post("/v1/auth/register", "{\"email\":\"u6@example.com\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(code(refused)).isEqualTo("RATE_LIMIT_EXCEEDED");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(3500L, 3600L);
        assertThat(json(refused).path("retryAfter").asLong()).isEqualTo(retryAfter);
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        long reset = Long.parseLong(refused.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        assertThat(reset).isBetween(Instant.now().getEpochSecond() + 3500, Instant.now().getEpochSecond() + 3601);
        assertThat(upstream("auth-service").getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/auth/register"))).hasSize(5);
    }

    @Test
    void windowsLiveInRedisDatabase8UnderTheSpecKey() {
        post("/v1/auth/register", "{}");
        try (RedisClient client = RedisClient.create(redisUrl() + "/8");
                StatefulRedisConnection<String, String> connection = client.connect()) {
            String key = "gateway:ratelimit:register:ip:127.0.0.1";
            assertThat(connection.sync().zcard(key)).isEqualTo(1L);
            assertThat(connection.sync().pttl(key)).isBetween(3_500_000L, 3_600_000L);
        }
    }

    @Test
    void credentialEmailPolicyCountsPerEmailFromTheJsonBody() {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/v1/auth/forgot-password", "{\"email\":\" Alice@Example.com \"}").statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> refused = post("/v1/auth/forgot-password", "{\"email\":\"alice@example.com\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(post("/v1/auth/forgot-password", "{\"email\":\"bob@example.com\"}").statusCode()).isEqualTo(200);
        assertThat(redis.keys("gateway:ratelimit:credential-email:*")).hasSize(3)
                .noneMatch(k -> k.contains("@") || k.contains("alice"));
    }

    @Test
    void everyLimitedRouteCarriesTheHeadersAndWebhooksAreExempt() {
        HttpResponse<String> products = get("/v1/products");
        assertThat(products.headers().firstValue("X-RateLimit-Limit")).hasValue("300");
        assertThat(products.headers().firstValue("X-RateLimit-Remaining")).hasValue("299");
        HttpResponse<String> webhook = post("/v1/webhooks/stripe", "{}");
        assertThat(webhook.statusCode()).isEqualTo(200);
        assertThat(webhook.headers().firstValue("X-RateLimit-Limit")).isEmpty();
    }

    @Test
    void searchAndUserKeyedPoliciesUseTheCaller() {
        TestTokens.Token customer = signIn("CUSTOMER");
        HttpResponse<String> search = get("/v1/products?q=oak", "Authorization", customer.bearer());
        assertThat(search.headers().firstValue("X-RateLimit-Limit")).hasValue("30");
        for (int i = 0; i < 10; i++) {
            assertThat(post("/v1/appointments", "{}", "Authorization", customer.bearer()).statusCode())
                    .isEqualTo(200);
        }
        assertThat(post("/v1/appointments", "{}", "Authorization", customer.bearer()).statusCode()).isEqualTo(429);
        assertThat(post("/v1/appointments", "{}", "Authorization", signIn("CUSTOMER").bearer()).statusCode())
                .isEqualTo(200);
    }
}
