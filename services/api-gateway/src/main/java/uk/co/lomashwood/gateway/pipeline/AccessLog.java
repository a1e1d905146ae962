package uk.co.lomashwood.gateway.pipeline;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;


/**
 * One structured access line per request (spec 10 §1.11): requestId, method, route template (never the query string),
 * statusCode, durationMs, upstream, upstreamMs, attempts, breakerState, userId, role, ip, userAgent. Headers and bodies
 * are never logged, so Authorization, Cookie, Set-Cookie and credential fields cannot leak. The message itself is the
 * JSON object (platform-web's JSON log formatter carries it in {@code msg}). Replaces platform-web's access filter,
 * which GatewayInfrastructure switches off for this service.
 */
@Component
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("access");

    public void write(Exchange ex, int status, String userAgent) {
        if (!log.isInfoEnabled()) {
            return;
        }
        log.info(line(ex, status, userAgent));
    }

    /** The JSON line, written by hand: one small object per request is not worth a serializer's map and reflection. */
    static String line(Exchange ex, int status, String userAgent) {
        StringBuilder out = new StringBuilder(320);
        out.append("{\"type\":\"access\"");
        field(out, "requestId", ex.requestId);
        field(out, "method", ex.method);
        field(out, "route", ex.routeTemplate());
        out.append(",\"statusCode\":").append(status);
        out.append(",\"durationMs\":").append((System.nanoTime() - ex.startNanos) / 1_000_000);
        field(out, "upstream", ex.upstream == null ? null : ex.upstream.name());
        out.append(",\"upstreamMs\":");
        if (ex.upstream == null) {
            out.append("null");
        } else {
            out.append(ex.upstreamNanos / 1_000_000);
        }
        out.append(",\"attempts\":").append(ex.attempts);
        field(out, "breakerState", ex.breakerState);
        field(out, "userId", ex.caller.authenticated() ? ex.caller.userId().toString() : null);
        field(out, "role", ex.caller.authenticated() ? ex.caller.role().name() : null);
        field(out, "ip", ex.clientIp);
        field(out, "userAgent", userAgent == null ? null : userAgent.substring(0, Math.min(256, userAgent.length())));
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":");
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
