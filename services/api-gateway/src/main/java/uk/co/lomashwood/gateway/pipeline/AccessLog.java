package uk.co.lomashwood.gateway.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * One structured access line per request (spec 10 §1.11): requestId, method, route template (never the query string),
 * statusCode, durationMs, upstream, upstreamMs, attempts, breakerState, userId, role, ip, userAgent. Headers and bodies
 * are never logged, so Authorization, Cookie, Set-Cookie and credential fields cannot leak. The message itself is the
 * JSON object (platform-web's JSON log formatter carries it in {@code msg}). Replaces platform-web's access filter,
 * which GatewayInfrastructure switches off for this service.
 */
@Component
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("uk.co.lomashwood.gateway.access");

    private final ObjectMapper json;

    public AccessLog(ObjectMapper json) {
        this.json = json;
    }

    public void write(Exchange ex, int status, String userAgent) {
        if (!log.isInfoEnabled()) {
            return;
        }
        log.info(json.writeValueAsString(fields(ex, status, userAgent)));
    }

    static Map<String, Object> fields(Exchange ex, int status, String userAgent) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "access");
        line.put("requestId", ex.requestId);
        line.put("method", ex.method);
        line.put("route", ex.routeTemplate());
        line.put("statusCode", status);
        line.put("durationMs", (System.nanoTime() - ex.startNanos) / 1_000_000);
        line.put("upstream", ex.upstream == null ? null : ex.upstream.name());
        line.put("upstreamMs", ex.upstream == null ? null : ex.upstreamNanos / 1_000_000);
        line.put("attempts", ex.attempts);
        line.put("breakerState", ex.breakerState);
        line.put("userId", ex.caller.authenticated() ? ex.caller.userId().toString() : null);
        line.put("role", ex.caller.authenticated() ? ex.caller.role().name() : null);
        line.put("ip", ex.clientIp);
        line.put("userAgent", userAgent == null ? null : userAgent.substring(0, Math.min(256, userAgent.length())));
        return line;
    }
}
