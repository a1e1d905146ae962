package uk.co.lomashwood.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

/** Public prefix → owning upstream (spec 00 §0.1, spec 10 §1.2); the longest matching prefix wins. */
@Component
public class RouteTable {

    public static final String GATEWAY = "api-gateway";

    private record Prefix(String value, Upstream upstream) {
    }

    private final Map<String, Upstream> upstreams = new LinkedHashMap<>();
    private final List<Prefix> prefixes = new ArrayList<>();
    private volatile Upstream gateway;

    public RouteTable(RoutingProperties properties) {
        properties.services().forEach((name, service) -> {
            Upstream upstream = new Upstream(name, service.url(), service.timeout(), service.priority());
            upstreams.put(name, upstream);
            for (String prefix : service.prefixes()) {
                String normalised = prefix.replaceAll("/+$", "");
                prefixes.stream().filter(p -> p.value.equals(normalised)).findAny().ifPresent(p -> {
                    throw new IllegalStateException("Prefix " + normalised + " is owned by both "
                            + p.upstream.name() + " and " + name);
                });
                prefixes.add(new Prefix(normalised, upstream));
            }
        });
        prefixes.sort(Comparator.comparingInt((Prefix p) -> p.value.length()).reversed());
    }

    public Optional<Upstream> resolve(String path) {
        for (Prefix prefix : prefixes) {
            int length = prefix.value.length();
            if (path.startsWith(prefix.value) && (path.length() == length || path.charAt(length) == '/')) {
                return Optional.of(prefix.upstream);
            }
        }
        return Optional.empty();
    }

    /** The gateway's own web server (health, API docs, Swagger UI) on the loopback interface, once it listens. */
    public Upstream gateway() {
        Upstream own = gateway;
        if (own == null) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The gateway is starting.");
        }
        return own;
    }

    public void gatewayListensOn(int port) {
        gateway = new Upstream(GATEWAY, URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(10),
                Upstream.Priority.CRITICAL);
    }

    public Optional<Upstream> upstream(String name) {
        return Optional.ofNullable(upstreams.get(name));
    }

    public Collection<Upstream> upstreams() {
        return upstreams.values();
    }
}
