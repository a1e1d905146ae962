package uk.co.lomashwood.gateway.health;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.co.lomashwood.gateway.auth.JwksCache;

/**
 * The gateway's own health endpoints (spec 10 §1.3, 00 §6.5); bodies are unwrapped. Readiness depends only on the
 * gateway's own dependencies (Redis, a loaded JWKS), never on upstream health.
 */
@RestController
@Tag(name = "Health")
public class HealthController {

    private final RedisConnectionFactory redis;
    private final JwksCache jwks;
    private final UpstreamHealthPoller upstreams;
    private final HealthProperties properties;
    private final Clock clock;

    public HealthController(RedisConnectionFactory redis, JwksCache jwks, UpstreamHealthPoller upstreams,
            HealthProperties properties, Clock gatewayClock) {
        this.redis = redis;
        this.jwks = jwks;
        this.upstreams = upstreams;
        this.properties = properties;
        this.clock = gatewayClock;
    }

    @GetMapping("/health/live")
    @Operation(summary = "Process is running")
    public Map<String, Object> live() {
        return Map.of("status", "ok");
    }

    @GetMapping("/health/ready")
    @Operation(summary = "Redis answers and a JWKS is loaded (ALB target group check)")
    public ResponseEntity<Map<String, Object>> ready() {
        Map<String, String> checks = checks();
        boolean ok = checks.values().stream().allMatch("ok"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "ok" : "unhealthy");
        body.put("checks", checks);
        return ResponseEntity.status(ok ? 200 : 503).cacheControl(CacheControl.noStore()).body(body);
    }

    @GetMapping("/health")
    @Operation(summary = "Own dependencies with metadata")
    public ResponseEntity<Map<String, Object>> health() {
        Map<String, String> checks = checks();
        boolean ok = checks.values().stream().allMatch("ok"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "healthy" : "unhealthy");
        body.put("timestamp", Instant.now(clock).toString());
        body.put("service", "api-gateway");
        body.put("version", properties.version());
        body.put("checks", checks);
        return ResponseEntity.status(ok ? 200 : 503).cacheControl(CacheControl.noStore()).body(body);
    }

    @GetMapping("/health/services")
    @Operation(summary = "Aggregated upstream health from the background poller")
    public ResponseEntity<Map<String, Object>> services() {
        Map<String, Object> report = upstreams.report();
        int status = "unhealthy".equals(report.get("status")) ? 503 : 200;
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(report);
    }

    private Map<String, String> checks() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("redis", redisUp() ? "ok" : "unreachable");
        checks.put("jwks", jwks.loaded() ? "ok" : "not loaded");
        return checks;
    }

    private boolean redisUp() {
        try (var connection = redis.getConnection()) {
            return "PONG".equalsIgnoreCase(connection.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
