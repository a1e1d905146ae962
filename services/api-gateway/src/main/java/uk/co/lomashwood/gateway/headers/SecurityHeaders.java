package uk.co.lomashwood.gateway.headers;

import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.co.lomashwood.gateway.edge.EdgeResponse;

/** Security headers on every gateway response (spec 10 §1.8, 00 §3.4). */
@Component
public class SecurityHeaders {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI is an HTML page of its own: scripts and styles from the gateway itself only. */
    static final String DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    /** Response headers the gateway owns: never copied from an upstream response. */
    public static final Set<String> GATEWAY_OWNED = Set.of(
            "strict-transport-security", "x-content-type-options", "x-frame-options", "x-xss-protection",
            "referrer-policy", "permissions-policy", "x-permitted-cross-domain-policies", "content-security-policy",
            "x-powered-by", "server", "x-request-id", "x-ratelimit-limit", "x-ratelimit-remaining",
            "x-ratelimit-reset", "access-control-allow-origin", "access-control-allow-credentials",
            "access-control-allow-methods", "access-control-allow-headers", "access-control-expose-headers",
            "access-control-max-age");

    private final boolean hsts;

    public SecurityHeaders(@Value("${lomash.gateway.hsts:false}") boolean hsts) {
        this.hsts = hsts;
    }

    public void apply(String path, EdgeResponse response) {
        if (hsts) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "geolocation=(), microphone=(), camera=()");
        response.setHeader("X-Permitted-Cross-Domain-Policies", "none");
        response.setHeader("Content-Security-Policy", isDocsPage(path) ? DOCS_CSP : API_CSP);
    }

    /** {@code Cache-Control: no-store} on responses to authenticated requests. */
    public void noStore(EdgeResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    public static boolean isGatewayOwned(String header) {
        return GATEWAY_OWNED.contains(header.toLowerCase(Locale.ROOT));
    }

    private static boolean isDocsPage(String path) {
        return path.startsWith("/swagger-ui");
    }
}
