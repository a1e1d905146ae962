package uk.co.lomashwood.gateway.headers;

import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.netty.util.AsciiString;

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

    // AsciiString: hashed once and copied to the wire as bytes, on every response
    private static final AsciiString[] NAMES = HeaderNames.ascii("X-Content-Type-Options", "X-Frame-Options",
            "X-XSS-Protection", "Referrer-Policy", "Permissions-Policy", "X-Permitted-Cross-Domain-Policies");
    private static final AsciiString[] VALUES = HeaderNames.ascii("nosniff", "DENY", "0",
            "strict-origin-when-cross-origin", "geolocation=(), microphone=(), camera=()", "none");
    private static final AsciiString HSTS = AsciiString.cached("Strict-Transport-Security");
    private static final AsciiString HSTS_VALUE = AsciiString.cached("max-age=31536000; includeSubDomains; preload");
    private static final AsciiString CSP = AsciiString.cached("Content-Security-Policy");
    private static final AsciiString API_CSP_VALUE = AsciiString.cached(API_CSP);
    private static final AsciiString DOCS_CSP_VALUE = AsciiString.cached(DOCS_CSP);
    private static final AsciiString CACHE_CONTROL = AsciiString.cached("Cache-Control");
    private static final AsciiString NO_STORE = AsciiString.cached("no-store");

    private final boolean hsts;

    public SecurityHeaders(@Value("${lomash.gateway.hsts:false}") boolean hsts) {
        this.hsts = hsts;
    }

    public void apply(String path, EdgeResponse response) {
        if (hsts) {
            response.setHeader(HSTS, HSTS_VALUE);
        }
        for (int i = 0; i < NAMES.length; i++) {
            response.setHeader(NAMES[i], VALUES[i]);
        }
        response.setHeader(CSP, isDocsPage(path) ? DOCS_CSP_VALUE : API_CSP_VALUE);
    }

    /** {@code Cache-Control: no-store} on responses to authenticated requests. */
    public void noStore(EdgeResponse response) {
        response.setHeader(CACHE_CONTROL, NO_STORE);
    }

    private static boolean isDocsPage(String path) {
        return path.startsWith("/swagger-ui");
    }
}
