package uk.co.lomashwood.gateway.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import uk.co.lomashwood.gateway.auth.Authenticator;
import uk.co.lomashwood.gateway.cors.CorsPolicy;
import uk.co.lomashwood.gateway.headers.ClientAddress;
import uk.co.lomashwood.platform.web.request.RequestIds;
import uk.co.lomashwood.gateway.headers.SecurityHeaders;
import uk.co.lomashwood.gateway.headers.TraceContext;
import uk.co.lomashwood.gateway.ratelimit.RateLimitExceededException;
import uk.co.lomashwood.gateway.ratelimit.RateLimitRequest;
import uk.co.lomashwood.gateway.ratelimit.RateLimiter;
import uk.co.lomashwood.gateway.ratelimit.WindowDecision;
import uk.co.lomashwood.gateway.routing.AccessTable;
import uk.co.lomashwood.gateway.routing.RouteTable;
import uk.co.lomashwood.gateway.routing.UpstreamProxy;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.error.ProblemResponseWriter;

/**
 * The gateway request pipeline of spec 10 §1.1, in its order: request id → maintenance → security headers → CORS
 * (preflight answered) → body limits and parsing → baseline rate limit → route resolution (unknown, /internal and
 * /metrics → 404) → authentication and role guard → route rate limits → proxy → access log. Gateway-owned endpoints
 * (health, API docs, Swagger UI) take the first steps and then continue into Spring MVC.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after platform-web request id, before its body-size filter
public class EdgeFilter extends OncePerRequestFilter {


    private final SecurityHeaders securityHeaders;
    private final MaintenanceMode maintenance;
    private final CorsPolicy cors;
    private final BodyPolicy bodies;
    private final RateLimiter rateLimiter;
    private final RouteTable routes;
    private final AccessTable access;
    private final Authenticator authenticator;
    private final UpstreamProxy proxy;
    private final AccessLog accessLog;
    private final ClientAddress clientAddress;

    public EdgeFilter(SecurityHeaders securityHeaders, MaintenanceMode maintenance, CorsPolicy cors, BodyPolicy bodies,
            RateLimiter rateLimiter, RouteTable routes, AccessTable access, Authenticator authenticator,
            UpstreamProxy proxy, AccessLog accessLog, ClientAddress clientAddress) {
        this.securityHeaders = securityHeaders;
        this.maintenance = maintenance;
        this.cors = cors;
        this.bodies = bodies;
        this.rateLimiter = rateLimiter;
        this.routes = routes;
        this.access = access;
        this.authenticator = authenticator;
        this.proxy = proxy;
        this.accessLog = accessLog;
        this.clientAddress = clientAddress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String requestId = RequestIds.current(); // assigned by platform-web's RequestIdFilter
        Exchange ex = new Exchange(requestId, request.getMethod().toUpperCase(Locale.ROOT), path,
                clientAddress.clientIp(request), TraceContext.traceparent(request.getHeader("traceparent")));
        response.setHeader(RequestIds.HEADER, requestId);
        try {
            if (handle(ex, request, response)) {
                chain.doFilter(request, response);
            }
        } catch (RateLimitExceededException e) {
            rateLimitHeaders(response, e.decision());
            ProblemResponseWriter.write(request, response, e);
        } catch (ApiException e) {
            ProblemResponseWriter.write(request, response, e);
        } finally {
            accessLog.write(ex, response.getStatus(), request.getHeader("User-Agent"));
        }
    }

    /** Runs the pipeline; true when a gateway-owned endpoint should continue into Spring MVC. */
    private boolean handle(Exchange ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
        securityHeaders.apply(ex.path, response);
        boolean api = ex.path.equals("/v1") || ex.path.startsWith("/v1/");
        boolean health = isHealth(ex.path);
        if (maintenance.isOn() && !health && !ex.isWebhook()) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The platform is down for maintenance.")
                    .retryAfter(Duration.ofSeconds(300));
        }
        if (!ex.isWebhook() && cors.apply(request, response, ex.path)) {
            return false; // preflight answered
        }
        if ("OPTIONS".equals(ex.method)) {
            response.setHeader("Allow", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return false;
        }
        if (!api) {
            if (!isGatewayOwned(ex.path)) {
                throw new ApiException(ErrorCode.NOT_FOUND, "No route for " + ex.path + ".");
            }
            limit(ex, request, response, true);
            return true;
        }
        if (isUnsafePath(ex.path)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No route for this path.");
        }
        bodies.read(request, ex);
        if (!ex.isWebhook()) {
            limit(ex, request, response, true);
        }
        ex.upstream = routes.resolve(ex.path)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No route for " + ex.path + "."));
        ex.rule = access.resolve(ex.method, ex.path, p -> hasQueryParam(request.getQueryString(), p))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No route for " + ex.path + "."));
        if (!ex.isWebhook()) {
            ex.caller = authenticator.authenticate(ex.rule, ex.path, request.getHeader("Authorization"),
                    ex.requestId);
            limit(ex, request, response, false);
        }
        if (ex.caller.authenticated()) {
            securityHeaders.noStore(response);
        }
        proxy.forward(ex, request, response);
        return false;
    }

    private void limit(Exchange ex, HttpServletRequest request, HttpServletResponse response, boolean beforeAuth) {
        RateLimitRequest limitRequest = new RateLimitRequest(ex.method, ex.path,
                p -> hasQueryParam(request.getQueryString(), p), ex.clientIp,
                ex.caller.authenticated() ? ex.caller.userId().toString() : null,
                () -> authenticator.sessionOf(request.getHeader("Authorization")), ex::bodyEmail);
        WindowDecision decision = rateLimiter.check(beforeAuth, limitRequest);
        ex.rateLimit = WindowDecision.tighter(ex.rateLimit, decision);
        if (ex.rateLimit != null) {
            rateLimitHeaders(response, ex.rateLimit);
        }
    }

    private static void rateLimitHeaders(HttpServletResponse response, WindowDecision decision) {
        response.setHeader("X-RateLimit-Limit", Integer.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
        response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetEpochSeconds()));
    }

    private static boolean hasQueryParam(String query, String name) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            String key = pair.split("=", 2)[0];
            if (key.equals(name) && pair.length() > key.length() + 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Dot segments ({@code /.} or {@code /..} as a whole segment), empty segments, backslashes, matrix parameters and
     * encoded dots, slashes, backslashes or NUL: none may reach an upstream. A scan instead of a regular expression.
     */
    static boolean isUnsafePath(String path) {
        int length = path.length();
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            if (c == '\\' || c == ';') {
                return true;
            }
            if (c == '/' && i + 1 < length) {
                char next = path.charAt(i + 1);
                if (next == '/') {
                    return true;
                }
                if (next == '.') {
                    int end = i + 2 < length && path.charAt(i + 2) == '.' ? i + 3 : i + 2;
                    if (end == length || path.charAt(end) == '/') {
                        return true;
                    }
                }
            }
            if (c == '%' && i + 2 < length) {
                char hi = path.charAt(i + 1);
                char lo = Character.toLowerCase(path.charAt(i + 2));
                if ((hi == '2' && (lo == 'e' || lo == 'f')) || (hi == '5' && lo == 'c') || (hi == '0' && lo == '0')) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isHealth(String path) {
        return path.equals("/health") || path.startsWith("/health/");
    }

    static boolean isGatewayOwned(String path) {
        return path.equals("/health") || path.equals("/health/live") || path.equals("/health/ready")
                || path.equals("/health/services") || path.equals("/swagger-ui.html")
                || path.startsWith("/swagger-ui/") || path.equals("/v3/api-docs")
                || path.startsWith("/v3/api-docs/") || path.startsWith("/docs/");
    }
}
