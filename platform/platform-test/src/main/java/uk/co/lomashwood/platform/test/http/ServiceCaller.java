package uk.co.lomashwood.platform.test.http;

import uk.co.lomashwood.platform.test.PlatformTestProperties;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Calls a service over real HTTP as the gateway would: the internal token plus, once signed in, the identity headers.
 * Immutable: {@link #with} and {@link #as} return a new caller.
 */
public final class ServiceCaller {

    private final String baseUrl;
    private final Map<String, String> headers;

    public ServiceCaller(int port) {
        this("http://127.0.0.1:" + port, Map.of("X-Internal-Token", PlatformTestProperties.INTERNAL_TOKEN));
    }

    private ServiceCaller(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    public ServiceCaller with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new ServiceCaller(baseUrl, more);
    }

    /** Without one of the headers, e.g. {@code X-Internal-Token} to call the service as an outsider would. */
    public ServiceCaller without(String header) {
        Map<String, String> fewer = new LinkedHashMap<>(headers);
        fewer.remove(header);
        return new ServiceCaller(baseUrl, fewer);
    }

    /** Signed in as the gateway forwards it: user id, role and a session id. */
    public ServiceCaller as(UUID userId, String role) {
        return with("X-User-Id", userId.toString()).with("X-User-Role", role).with("X-Session-Id", UUID.randomUUID().toString());
    }

    /** Signed in as a new user with this role. */
    public ServiceCaller as(String role) {
        return as(UUID.randomUUID(), role);
    }

    public ServiceCaller idempotencyKey(String key) {
        return with("Idempotency-Key", key);
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

    /** {@code body}: null, a raw JSON string, or anything Jackson writes. */
    public Reply send(String method, String path, Object body) {
        return HttpCalls.send(baseUrl + encodeBrackets(path), headers, method, body);
    }

    /** As browsers do (URLSearchParams): {@code filter[colour]} travels as {@code filter%5Bcolour%5D}. */
    public static String encodeBrackets(String path) {
        return path.replace("[", "%5B").replace("]", "%5D");
    }
}
