package uk.co.lomashwood.gateway.health;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.co.lomashwood.gateway.resilience.UpstreamBreakers;
import uk.co.lomashwood.gateway.routing.RouteTable;
import uk.co.lomashwood.gateway.routing.Upstream;

/**
 * Polls every upstream's {@code GET /health} (every 30 s, 5 s timeout) and keeps the last result (spec 10 §1.13):
 * healthy = 2xx in under 1 s, degraded = 2xx slower, unhealthy = anything else.
 */
@Component
public class UpstreamHealthPoller {

    public record Result(String name, String status, Long responseTimeMs, Instant lastCheckedAt, String error,
            Upstream.Priority priority) {
    }

    private final RouteTable routes;
    private final HttpClient http;
    private final HealthProperties properties;
    private final UpstreamBreakers breakers;
    private final Clock clock;
    private final String internalToken;
    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private volatile Instant checkedAt;

    public UpstreamHealthPoller(RouteTable routes, HttpClient gatewayHttpClient, HealthProperties properties,
            UpstreamBreakers breakers, Clock gatewayClock,
            @Value("${lomash.security.internal-token}") String internalToken) {
        this.routes = routes;
        this.http = gatewayHttpClient;
        this.properties = properties;
        this.breakers = breakers;
        this.clock = gatewayClock;
        this.internalToken = internalToken;
    }

    /** Polls all upstreams in parallel and stores the results. */
    public void pollNow() {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Result>> futures = new ArrayList<>();
            for (Upstream upstream : routes.upstreams()) {
                futures.add(executor.submit(() -> poll(upstream)));
            }
            for (Future<Result> future : futures) {
                try {
                    Result result = future.get();
                    results.put(result.name(), result);
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        checkedAt = clock.instant();
    }

    private Result poll(Upstream upstream) {
        Instant now = clock.instant();
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(upstream.resolve("/health", null))
                    .timeout(properties.pollTimeout())
                    .header("X-Internal-Token", internalToken)
                    .header("X-Service-Name", "api-gateway")
                    .header("X-Request-Id", UUID.randomUUID().toString())
                    .GET().build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() / 100 != 2) {
                return new Result(upstream.name(), "unhealthy", ms, now, "HTTP " + response.statusCode(),
                        upstream.priority());
            }
            String status = ms < properties.degradedAfter().toMillis() ? "healthy" : "degraded";
            return new Result(upstream.name(), status, ms, now, null, upstream.priority());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            String error = e instanceof java.net.http.HttpTimeoutException ? "timeout" : "unreachable";
            return new Result(upstream.name(), "unhealthy", ms, now, error, upstream.priority());
        }
    }

    /** The spec 10 §1.13 body plus the HTTP status it is served with. */
    public Map<String, Object> report() {
        List<Map<String, Object>> services = new ArrayList<>();
        boolean criticalDown = false;
        boolean anyIssue = false;
        for (Upstream upstream : routes.upstreams()) {
            Result r = results.get(upstream.name());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", upstream.name());
            entry.put("status", r == null ? "unknown" : r.status());
            entry.put("priority", upstream.priority().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("responseTimeMs", r == null ? null : r.responseTimeMs());
            entry.put("lastCheckedAt", r == null ? null : r.lastCheckedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
            entry.put("breaker", breakers.state(upstream.name()));
            if (r != null && r.error() != null) {
                entry.put("error", r.error());
            }
            services.add(entry);
            if (r != null && "unhealthy".equals(r.status()) && upstream.priority() == Upstream.Priority.CRITICAL) {
                criticalDown = true;
            } else if (r != null && !"healthy".equals(r.status())) {
                anyIssue = true;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", criticalDown ? "unhealthy" : anyIssue ? "degraded" : "healthy");
        body.put("checkedAt", checkedAt == null ? null : checkedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        body.put("services", services);
        return body;
    }
}
