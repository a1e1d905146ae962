package uk.co.lomashwood.platform.web.health;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The health endpoints of spec 00 §6.5. Bodies are not wrapped in {@code data}. Readiness is false
 * while the application is starting or draining (Spring's availability state) or a check fails.
 */
@RestController
public class HealthController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HealthController.class);

    private final List<HealthCheck> checks;
    private final ApplicationAvailability availability;
    private final String service;
    private final String version;

    public HealthController(List<HealthCheck> checks, ApplicationAvailability availability, String service, String version) {
        this.checks = checks;
        this.availability = availability;
        this.service = service;
        this.version = version;
    }

    @GetMapping("/health/live")
    ResponseEntity<Map<String, Object>> live() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("status", "ok"));
    }

    @GetMapping("/health/ready")
    ResponseEntity<Map<String, Object>> ready() {
        Map<String, String> results = runChecks();
        boolean ready = accepting() && results.values().stream().allMatch("ok"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "ok" : "unhealthy");
        body.put("checks", results);
        return ResponseEntity.status(ready ? 200 : 503).cacheControl(CacheControl.noStore()).body(body);
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        Map<String, String> results = runChecks();
        boolean healthy = results.values().stream().allMatch("ok"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "healthy" : "unhealthy");
        body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("service", service);
        body.put("version", version);
        body.put("checks", results);
        return ResponseEntity.status(healthy ? 200 : 503).cacheControl(CacheControl.noStore()).body(body);
    }

    private boolean accepting() {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    private Map<String, String> runChecks() {
        Map<String, String> results = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            try {
                check.probe();
                results.put(check.name(), "ok");
            } catch (Exception e) {
                log.warn("health check {} failed: {}", check.name(), e.getClass().getSimpleName());
                results.put(check.name(), "unavailable");
            }
        }
        return results;
    }
}
