package uk.co.lomashwood.gateway.cors;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.co.lomashwood.gateway.edge.EdgeRequest;
import uk.co.lomashwood.gateway.edge.EdgeResponse;
import uk.co.lomashwood.gateway.routing.RequestMatcher;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

/**
 * CORS and the cookie CSRF guard (spec 10 §1.7, 00 §3.5–3.6): exact-match allow-list with credentials; preflight
 * answered here with 204; a request from any other origin gets 403 CORS_ORIGIN_DENIED. Refresh and logout, which a
 * browser authenticates with the refresh cookie, additionally need an allow-listed Origin whenever the cookie is sent
 * or an Origin is present (403 CSRF_ORIGIN_MISMATCH); cookie-less mobile calls are unaffected.
 */
@Component
public class CorsPolicy {

    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";

    private final Set<String> allowedOrigins;
    private final String allowedHeaders;
    private final String exposedHeaders;
    private final String maxAge;
    private final List<RequestMatcher> csrfRoutes;

    public CorsPolicy(CorsProperties properties) {
        this.allowedOrigins = Set.copyOf(properties.allowedOrigins());
        this.allowedHeaders = String.join(", ", properties.allowedHeaders());
        this.exposedHeaders = String.join(", ", properties.exposedHeaders());
        this.maxAge = Long.toString(properties.maxAge().toSeconds());
        this.csrfRoutes = properties.csrfRoutes().stream().map(RequestMatcher::parse).toList();
    }

    /**
     * Applies CORS to the response; returns true when the request was a preflight that has been answered (204).
     * Throws 403 for a disallowed origin.
     */
    public boolean apply(EdgeRequest request, EdgeResponse response, String path) {
        String origin = request.header("Origin");
        for (RequestMatcher route : csrfRoutes) {
            if (route.matches(request.method(), path)) {
                checkCsrf(request, origin);
                break;
            }
        }
        if (origin == null) {
            return false;
        }
        if (!allowedOrigins.contains(origin)) {
            throw new ApiException(ErrorCode.CORS_ORIGIN_DENIED, "This origin is not allowed to call the API.");
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Credentials", "true");
        response.addHeader("Vary", "Origin");
        if ("OPTIONS".equals(request.method()) && request.header("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", METHODS);
            response.setHeader("Access-Control-Allow-Headers", allowedHeaders);
            response.setHeader("Access-Control-Max-Age", maxAge);
            response.status(204);
            return true;
        }
        response.setHeader("Access-Control-Expose-Headers", exposedHeaders);
        return false;
    }

    public boolean isAllowed(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }

    private void checkCsrf(EdgeRequest request, String origin) {
        boolean browserCall = origin != null || hasRefreshCookie(request);
        if (browserCall && !isAllowed(origin)) {
            throw new ApiException(ErrorCode.CSRF_ORIGIN_MISMATCH,
                    "Cookie-authenticated calls need an allowed Origin header.");
        }
    }

    private static boolean hasRefreshCookie(EdgeRequest request) {
        String cookie = request.header("Cookie");
        return cookie != null && cookie.contains("refresh");
    }
}
