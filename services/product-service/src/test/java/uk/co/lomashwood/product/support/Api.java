package uk.co.lomashwood.product.support;

import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.test.PlatformTestProperties;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Calls the service over real HTTP as the gateway would: internal token plus identity headers. */
public final class Api {

    public static final JsonMapper JSON = HttpCalls.JSON;

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

    /** As the gateway forwards a signed-in caller with this role. */
    public Api as(String role) {
        return with("X-User-Id", UUID.randomUUID().toString()).with("X-User-Role", role)
                .with("X-Session-Id", UUID.randomUUID().toString());
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** As browsers do (URLSearchParams): {@code filter[colour]} travels as {@code filter%5Bcolour%5D}. */
    public static String encodeBrackets(String path) {
        return path.replace("[", "%5B").replace("]", "%5D");
    }

    /** {@code body}: null, a raw JSON string, or anything Jackson writes. */
    public Reply send(String method, String path, Object body) {
        return HttpCalls.send(baseUrl + encodeBrackets(path), headers, method, body);
    }
}
