package uk.co.lomashwood.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The routing table (spec 00 §0.1 as configuration): each upstream with its URL, per-attempt timeout,
 * health priority and the public prefixes it owns; plus the overall request deadline and its per-route overrides.
 */
@ConfigurationProperties("lomash.gateway.routing")
public record RoutingProperties(
        Map<String, Service> services,
        Duration requestTimeout,
        Duration connectTimeout,
        List<DeadlineOverride> deadlineOverrides) {

    public RoutingProperties {
        services = services == null ? Map.of() : services;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        deadlineOverrides = deadlineOverrides == null ? List.of() : deadlineOverrides;
    }

    public record Service(URI url, Duration timeout, Upstream.Priority priority, List<String> prefixes) {
        public Service {
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            priority = priority == null ? Upstream.Priority.MEDIUM : priority;
            prefixes = prefixes == null ? List.of() : prefixes;
        }
    }

    /** A longer deadline for some routes (uploads, downloads, exports), as "METHOD /pattern". */
    public record DeadlineOverride(String route, Duration timeout) {
    }
}
