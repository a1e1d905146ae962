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

    private record Override(RequestMatcher matcher, Duration timeout) {
    }

    private final Duration defaultDeadline;
    private final List<Override> overrides;

    public DeadlinePolicy(RoutingProperties properties) {
        this.defaultDeadline = properties.requestTimeout();
        this.overrides = properties.deadlineOverrides().stream()
                .map(o -> new Override(RequestMatcher.parse(o.route()), o.timeout())).toList();
    }

    /** The deadline and whether it replaces the upstream's per-attempt timeout. */
    public Deadline deadlineFor(String method, String path) {
        return overrides.stream().filter(o -> o.matcher.matches(method, path, p -> false)).findFirst()
                .map(o -> new Deadline(o.timeout, true))
                .orElse(new Deadline(defaultDeadline, false));
    }

    public record Deadline(Duration total, boolean extended) {
    }
}
