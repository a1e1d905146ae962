package uk.co.lomashwood.gateway.headers;

import java.util.HashSet;
import java.util.Set;

/**
 * Which headers cross the gateway (spec 10 §1.11, 00 §2.1–2.2). Client-supplied identity and internal headers are
 * stripped; {@code Authorization} and {@code Cookie} reach only auth-service's {@code /v1/auth} prefix; hop-by-hop
 * headers never cross in either direction.
 */
public final class UpstreamHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");

    /** Set by the gateway itself on every upstream request, so never copied from the client. */
    private static final Set<String> GATEWAY_SET = Set.of("x-request-id", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-port", "forwarded", "x-real-ip", "traceparent", "accept-encoding",
            "x-session-id", "x-service-name");

    private static final HeaderNames NOT_FORWARDED = HeaderNames.of(union(HOP_BY_HOP, GATEWAY_SET));
    private static final HeaderNames CREDENTIALS = HeaderNames.of(Set.of("authorization", "cookie"));
    /** One lookup per upstream response header: hop-by-hop, Date (the gateway sets it) and the gateway's own. */
    private static final HeaderNames NOT_COPIED = HeaderNames.of(union(union(HOP_BY_HOP, Set.of("date")),
            SecurityHeaders.GATEWAY_OWNED));

    private UpstreamHeaders() {
    }

    public static boolean forwardFromClient(CharSequence name, boolean authRoute) {
        if (NOT_FORWARDED.contains(name)) {
            return false;
        }
        if (HeaderNames.startsWith(name, "x-user-") || HeaderNames.startsWith(name, "x-internal-")
                || HeaderNames.startsWith(name, "x-token-")) {
            return false;
        }
        if (CREDENTIALS.contains(name)) {
            return authRoute;
        }
        return true;
    }

    public static boolean copyFromUpstream(CharSequence name) {
        return !NOT_COPIED.contains(name) && !HeaderNames.startsWith(name, ":");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
