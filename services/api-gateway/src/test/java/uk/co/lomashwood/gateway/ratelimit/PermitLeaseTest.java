package uk.co.lomashwood.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.RedisCallback;

import uk.co.lomashwood.gateway.support.GatewayTest;

/**
 * A busy subject takes its hits from batches claimed ahead in the Redis window: far fewer round trips than requests,
 * yet never more admitted than the limit, every admitted request counted in Redis first.
 */
class PermitLeaseTest extends GatewayTest {

    private static final String BASELINE_KEY = "gateway:ratelimit:baseline:ip:127.0.0.1";

    @Test
    void aBusySubjectClaimsBatchesButNeverPassesTheLimit() {
        long runsBefore = scriptRuns();
        for (int i = 1; i <= 300; i++) {
            HttpResponse<String> response = get("/v1/products");
            assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(Integer.parseInt(response.headers().firstValue("X-RateLimit-Remaining").orElseThrow()))
                    .as("remaining after request %d", i).isBetween(0, 300 - i);
        }
        HttpResponse<String> refused = get("/v1/products");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(code(refused)).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();

        assertThat(redis.opsForHash().values(BASELINE_KEY).stream().mapToLong(v -> Long.parseLong((String) v)).sum())
                .as("hits counted in the window's buckets").isEqualTo(300L);
        assertThat(scriptRuns() - runsBefore).as("Redis round trips for 301 requests").isLessThan(60);
    }

    /** EVALSHA calls the Redis server has answered so far (every window claim is one). */
    private long scriptRuns() {
        Properties stats = redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("commandstats"));
        String evalsha = stats.getProperty("cmdstat_evalsha", "calls=0,");
        return Long.parseLong(evalsha.substring(evalsha.indexOf("calls=") + 6, evalsha.indexOf(',')));
    }

    @Test
    void credentialPoliciesStillCountEveryHitInRedis() {
        for (int i = 0; i < 5; i++) {
            assertThat(post("/v1/auth/register", "{\"email\":\"new" + i + "@example.com\"}").statusCode())
                    .isNotEqualTo(429);
        }
        List<String> members = List.copyOf(redis.opsForZSet().range("gateway:ratelimit:register:ip:127.0.0.1", 0, -1));
        assertThat(members).hasSize(5).allMatch(m -> m.endsWith("-1"));
        assertThat(post("/v1/auth/register", "{\"email\":\"new9@example.com\"}").statusCode()).isEqualTo(429);
    }

    @Test
    void aRequestWhoseChecksMustWaitCountsItsBaselineHitOnce() {
        int before = 0;
        for (int i = 0; i < 20; i++) { // grows this subject's batches, so the baseline hit below comes from a lease
            before = remaining(get("/v1/products"));
        }
        // login's own policy counts each hit in Redis, so its checks start on the event loop and run again on a
        // virtual thread: the baseline hit taken in the first run must be given back, not taken twice
        assertThat(post("/v1/auth/login", "{\"email\":\"someone@example.com\"}").statusCode()).isEqualTo(200);
        assertThat(remaining(get("/v1/products"))).isEqualTo(before - 2);
    }

    private static int remaining(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return Integer.parseInt(response.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
    }
}
