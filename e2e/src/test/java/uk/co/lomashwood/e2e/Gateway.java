package uk.co.lomashwood.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A client that talks to the platform only as a browser or app would: through the gateway. */
final class Gateway {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Gateway(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Reply(int status, java.net.http.HttpHeaders headers, String raw) {

        JsonNode json() {
            return raw.isEmpty() ? JSON.missingNode() : JSON.readTree(raw);
        }

        JsonNode data() {
            return json().path("data");
        }

        String code() {
            return json().path("code").asString();
        }

        List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        String refreshCookie() {
            return setCookies().stream().filter(c -> c.startsWith("__Host-refresh=")).findFirst()
                    .map(c -> c.substring("__Host-refresh=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .orElse(null);
        }
    }

    Reply get(String path, String... headers) throws Exception {
        return send("GET", path, null, null, headers);
    }

    Reply post(String path, Object body, String... headers) throws Exception {
        return send("POST", path, body == null ? null : JSON.writeValueAsString(body), "application/json", headers);
    }

    Reply postRaw(String path, String body, String contentType, String... headers) throws Exception {
        return send("POST", path, body, contentType, headers);
    }

    Reply send(String method, String path, String body, String contentType, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }
}
