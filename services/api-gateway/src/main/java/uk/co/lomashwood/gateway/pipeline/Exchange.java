package uk.co.lomashwood.gateway.pipeline;

import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.gateway.auth.CallerIdentity;
import uk.co.lomashwood.gateway.ratelimit.WindowDecision;
import uk.co.lomashwood.gateway.routing.AccessRule;
import uk.co.lomashwood.gateway.routing.Upstream;

/** Mutable per-request state of the gateway pipeline; lives on one request thread only. */
public final class Exchange {

    public final String requestId;
    public final String method;
    public final String path;
    public final String clientIp;
    public final String traceparent;
    public final long startNanos = System.nanoTime();

    public Upstream upstream;
    public AccessRule rule;
    public CallerIdentity caller = CallerIdentity.anonymous();
    public byte[] body;
    public JsonNode json;
    public WindowDecision rateLimit;
    public long upstreamNanos;
    public int attempts;
    public String breakerState;
    public String userAgent;
    /** Set once the access line has been written. */
    public boolean finished;

    public Exchange(String requestId, String method, String path, String clientIp, String traceparent) {
        this.requestId = requestId;
        this.method = method;
        this.path = path;
        this.clientIp = clientIp;
        this.traceparent = traceparent;
    }

    public boolean isWebhook() {
        return path.startsWith("/v1/webhooks/");
    }

    public boolean isAuthRoute() {
        return path.equals("/v1/auth") || path.startsWith("/v1/auth/");
    }

    /** The top-level {@code email} of a JSON body, for the email-keyed rate limits; null if there is none. */
    public String bodyEmail() {
        if (json == null || !json.isObject()) {
            return null;
        }
        JsonNode email = json.get("email");
        return email != null && email.isString() && !email.asString().isBlank() ? email.asString() : null;
    }

    public String routeTemplate() {
        return rule != null ? rule.template() : path;
    }
}
