package uk.co.lomashwood.gateway.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * One structured access line per request (spec 10 §1.11): requestId, method, route template (never the query string),
 * statusCode, durationMs, upstream, upstreamMs, attempts, breakerState, userId, role, ip, userAgent. Headers and bodies
 * are never logged, so Authorization, Cookie, Set-Cookie and credential fields cannot leak. With Spring Boot structured
 * logging on, the fields are key-value pairs of the event; otherwise the message itself is the JSON object.
 */
@Component
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("uk.co.lomashwood.gateway.access");

    private final ObjectMapper json;
    private final boolean structured;

    public AccessLog(ObjectMapper json, Environment environment) {
        this.json = json;
        this.structured = environment.getProperty("logging.structured.format.console") != null;
    }

    public void write(Exchange ex, int status, String userAgent) {
        if (!log.isInfoEnabled()) {
            return;
        }
        Map<String, Object> line = fields(ex, status, userAgent);
        if (structured) {
            LoggingEventBuilder event = log.atInfo();
            line.forEach(event::addKeyValue);
            event.log("access");
        } else {
            log.info(json.writeValueAsString(line));
        }
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
