package uk.co.lomashwood.gateway.headers;

import java.util.Locale;
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

    private UpstreamHeaders() {
    }

    public static boolean forwardFromClient(String name, boolean authRoute) {
        String h = name.toLowerCase(Locale.ROOT);
        if (HOP_BY_HOP.contains(h) || GATEWAY_SET.contains(h)) {
            return false;
        }
        if (h.startsWith("x-user-") || h.startsWith("x-internal-") || h.startsWith("x-token-")) {
            return false;
        }
        if (h.equals("authorization") || h.equals("cookie")) {
            return authRoute;
        }
        return true;
    }

    public static boolean copyFromUpstream(String name) {
        String h = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(h) && !h.equals("date") && !h.startsWith(":")
                && !SecurityHeaders.isGatewayOwned(h);
    }
}
