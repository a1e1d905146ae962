package uk.co.lomashwood.order.order;

import uk.co.lomashwood.platform.test.PlatformTestProperties;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Calls the service over real HTTP as the gateway would: internal token plus, when signed in, identity headers. */
public final class Api {

    private final String baseUrl;
    private final Map<String, String> headers;

    public Api(int port) {
        this("http://127.0.0.1:" + port, Map.of("X-Internal-Token", PlatformTestProperties.INTERNAL_TOKEN));
    }

    private Api(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    public Api with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Api(baseUrl, more);
    }

    public Api as(UUID userId, String role) {
        return with("X-User-Id", userId.toString()).with("X-User-Role", role).with("X-Session-Id", UUID.randomUUID().toString());
    }

    public Api key(String idempotencyKey) {
        return with("Idempotency-Key", idempotencyKey);
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply send(String method, String path, Object body) {
        return HttpCalls.send(baseUrl + path, headers, method, body);
    }
}
