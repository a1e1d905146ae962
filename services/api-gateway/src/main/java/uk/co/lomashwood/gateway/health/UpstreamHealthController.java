package uk.co.lomashwood.gateway.health;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /health/services} (spec 10 §1.13): the poller's last view of every upstream, unwrapped and never cached;
 * 503 only when a critical service is unhealthy. {@code /health}, {@code /health/live} and {@code /health/ready} are
 * platform-web's, with the gateway's JWKS check added.
 */
@RestController
@Tag(name = "Health")
public class UpstreamHealthController {

    private final UpstreamHealthPoller upstreams;

    public UpstreamHealthController(UpstreamHealthPoller upstreams) {
        this.upstreams = upstreams;
    }

    @GetMapping("/health/services")
    @Operation(summary = "Aggregated upstream health from the background poller")
    public ResponseEntity<Map<String, Object>> services() {
        Map<String, Object> report = upstreams.report();
        int status = "unhealthy".equals(report.get("status")) ? 503 : 200;
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(report);
    }
}
