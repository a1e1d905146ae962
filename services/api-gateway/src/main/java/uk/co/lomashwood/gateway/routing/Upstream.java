package uk.co.lomashwood.gateway.routing;

import java.net.URI;
import java.time.Duration;

/** One upstream service: where it listens, its per-attempt timeout and its health priority (spec 10 §1.10, §1.13). */
public record Upstream(String name, URI url, Duration timeout, Priority priority) {

    public enum Priority { CRITICAL, HIGH, MEDIUM, LOW }

    /** The upstream URI for a public path and raw query; the upstream path equals the public path. */
    public URI resolve(String path, String rawQuery) {
        String base = url.toString().replaceAll("/+$", "");
        return URI.create(base + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
    }
}
