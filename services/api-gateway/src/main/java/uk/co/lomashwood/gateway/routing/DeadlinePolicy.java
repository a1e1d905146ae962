package uk.co.lomashwood.gateway.routing;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Overall deadline per request (spec 10 §1.10): {@code REQUEST_TIMEOUT_MS} by default, longer for the configured
 * upload, download and export routes, which also get the whole deadline per attempt.
 */
@Component
public class DeadlinePolicy {

    private record Override(RequestMatcher matcher, Deadline deadline) {
    }

    private final Deadline defaultDeadline;
    private final List<Override> overrides;

    public DeadlinePolicy(RoutingProperties properties) {
        this.defaultDeadline = new Deadline(properties.requestTimeout(), false);
        this.overrides = properties.deadlineOverrides().stream()
                .map(o -> new Override(RequestMatcher.parse(o.route()), new Deadline(o.timeout(), true))).toList();
    }

    /** The deadline and whether it replaces the upstream's per-attempt timeout. */
    public Deadline deadlineFor(String method, String path) {
        for (Override o : overrides) {
            if (o.matcher.matches(method, path)) {
                return o.deadline;
            }
        }
        return defaultDeadline;
    }

    public record Deadline(Duration total, boolean extended) {
    }
}
