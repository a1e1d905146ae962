package uk.co.lomashwood.gateway.pipeline;

import java.time.Duration;

import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import io.netty.util.AsciiString;

import uk.co.lomashwood.gateway.auth.Authenticator;
import uk.co.lomashwood.gateway.cors.CorsPolicy;
import uk.co.lomashwood.gateway.edge.EdgeProblems;
import uk.co.lomashwood.gateway.edge.EdgeRequest;
import uk.co.lomashwood.gateway.edge.EdgeResponse;
import uk.co.lomashwood.gateway.headers.ClientAddress;
import uk.co.lomashwood.gateway.headers.SecurityHeaders;
import uk.co.lomashwood.gateway.headers.TraceContext;
import uk.co.lomashwood.gateway.ratelimit.InlineHits;
import uk.co.lomashwood.gateway.ratelimit.RateLimitExceededException;
import uk.co.lomashwood.gateway.ratelimit.RateLimitRequest;
import uk.co.lomashwood.gateway.ratelimit.RateLimiter;
import uk.co.lomashwood.gateway.ratelimit.WindowDecision;
import uk.co.lomashwood.gateway.routing.AccessTable;
import uk.co.lomashwood.gateway.routing.RouteTable;
import uk.co.lomashwood.gateway.routing.Upstream;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.request.RequestIds;

/**
 * The gateway request pipeline of spec 10 §1.1, in its order: request id → maintenance → security headers → CORS
 * (preflight answered) → body limits and parsing → baseline rate limit → route resolution (unknown, /internal and
 * /metrics → 404) → authentication and role guard → route rate limits. What it returns is forwarded by the proxy; the
 * gateway's own endpoints (health, API docs, Swagger UI) take the first steps and are then forwarded to the gateway's
 * internal web server. Runs first on the connection's event loop; a request whose checks must wait for I/O (a session
 * check, a rate-limit round trip to Redis) runs again on a virtual thread.
 */
@Component
public class RequestPipeline {

    private static final AsciiString REQUEST_ID = AsciiString.cached(RequestIds.HEADER);
    private static final AsciiString LIMIT = AsciiString.cached("X-RateLimit-Limit");
    private static final AsciiString REMAINING = AsciiString.cached("X-RateLimit-Remaining");
    private static final AsciiString RESET = AsciiString.cached("X-RateLimit-Reset");

    private final SecurityHeaders securityHeaders;
    private final MaintenanceMode maintenance;
    private final CorsPolicy cors;
    private final BodyPolicy bodies;
    private final RateLimiter rateLimiter;
    private final RouteTable routes;
    private final AccessTable access;
    private final Authenticator authenticator;
    private final ClientAddress clientAddress;

    public RequestPipeline(SecurityHeaders securityHeaders, MaintenanceMode maintenance, CorsPolicy cors,
            BodyPolicy bodies, RateLimiter rateLimiter, RouteTable routes, AccessTable access,
            Authenticator authenticator, ClientAddress clientAddress) {
        this.securityHeaders = securityHeaders;
        this.maintenance = maintenance;
        this.cors = cors;
        this.bodies = bodies;
        this.rateLimiter = rateLimiter;
        this.routes = routes;
        this.access = access;
        this.authenticator = authenticator;
        this.clientAddress = clientAddress;
    }

    /** Starts the exchange of one request: its id, client address and trace context. */
    public Exchange open(EdgeRequest request, EdgeResponse response) {
        String requestId = RequestIds.acceptOrGenerate(request.header(RequestIds.HEADER));
        Exchange ex = new Exchange(requestId, request.method(), request.path(), clientAddress.clientIp(request),
                TraceContext.traceparent(request.header("traceparent")));
        ex.userAgent = request.header("User-Agent");
        response.setHeader(REQUEST_ID, requestId);
        return ex;
    }

    /** Answers with a problem outside the normal flow (unreadable request, body too large, upstream failure). */
    public void refuse(Exchange ex, EdgeResponse response, ApiException e) {
        securityHeaders.apply(ex.path, response);
        if (e instanceof RateLimitExceededException limited) {
            rateLimitHeaders(response, limited.decision());
        }
        EdgeProblems.write(response, e, ex.path, ex.requestId);
    }

    /**
     * Runs the pipeline; true when the exchange should be forwarded to {@code ex.upstream}, false when the response
     * (a problem, a preflight) is complete. With {@code mayWait} false (on an event loop) a step that would wait for
     * I/O throws {@link WouldBlock} before it changes anything, and the caller runs the pipeline again where it may.
     */
    public boolean run(Exchange ex, EdgeRequest request, EdgeResponse response, boolean mayWait) {
        MDC.put(RequestIds.MDC_KEY, ex.requestId);
        InlineHits inline = mayWait ? null : new InlineHits();
        try {
            if (!mayWait && request.header("Authorization") != null) {
                throw WouldBlock.INSTANCE; // the session check is an HTTP call to auth-service
            }
            return handle(ex, request, response, inline);
        } catch (WouldBlock e) {
            if (inline != null) {
                inline.giveBack(); // the run on a virtual thread takes them again
            }
            throw e;
        } catch (RateLimitExceededException e) {
            rateLimitHeaders(response, e.decision());
            EdgeProblems.write(response, e, ex.path, ex.requestId);
            return false;
        } catch (ApiException e) {
            EdgeProblems.write(response, e, ex.path, ex.requestId);
            return false;
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private boolean handle(Exchange ex, EdgeRequest request, EdgeResponse response, InlineHits inline) {
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
            response.status(204);
            return false;
        }
        if (!api) {
            if (!isGatewayOwned(ex.path)) {
                throw new ApiException(ErrorCode.NOT_FOUND, "No route for " + ex.path + ".");
            }
            limit(ex, request, response, true, inline);
            ex.upstream = routes.gateway();
            ex.body = request.body();
            return true;
        }
        if (isUnsafePath(ex.path)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No route for this path.");
        }
        bodies.read(request, ex);
        if (!ex.isWebhook()) {
            limit(ex, request, response, true, inline);
        }
        Upstream upstream = routes.resolve(ex.path)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No route for " + ex.path + "."));
        ex.upstream = upstream;
        ex.rule = access.resolve(ex.method, ex.path, request::hasQueryParam)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No route for " + ex.path + "."));
        if (!ex.isWebhook()) {
            ex.caller = authenticator.authenticate(ex.rule, ex.path, request.header("Authorization"),
                    ex.requestId);
            limit(ex, request, response, false, inline);
        }
        if (ex.caller.authenticated()) {
            securityHeaders.noStore(response);
        }
        return true;
    }

    private void limit(Exchange ex, EdgeRequest request, EdgeResponse response, boolean beforeAuth,
            InlineHits inline) {
        RateLimitRequest limitRequest = new RateLimitRequest(ex.method, ex.path, request::hasQueryParam, ex.clientIp,
                ex.caller.authenticated() ? ex.caller.userId().toString() : null,
                () -> authenticator.sessionOf(request.header("Authorization")), ex::bodyEmail);
        WindowDecision decision = rateLimiter.check(beforeAuth, limitRequest, inline);
        ex.rateLimit = WindowDecision.tighter(ex.rateLimit, decision);
        if (ex.rateLimit != null) {
            rateLimitHeaders(response, ex.rateLimit);
        }
    }

    private static void rateLimitHeaders(EdgeResponse response, WindowDecision decision) {
        response.setHeader(LIMIT, Integer.toString(decision.limit()));
        response.setHeader(REMAINING, Integer.toString(decision.remaining()));
        response.setHeader(RESET, Long.toString(decision.resetEpochSeconds()));
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
