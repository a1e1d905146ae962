package uk.co.lomashwood.platform.test.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The one way tests call a service over real HTTP. Tests normally go through {@link ServiceCaller} (the gateway's
 * headers); only a caller with a vocabulary of its own (cookies, public calls) sends through here directly.
 */
public final class HttpCalls {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private HttpCalls() {
    }

    /**
     * @param body null, a raw JSON string, or anything Jackson writes; sent as {@code application/json}
     *             unless {@code headers} name another {@code Content-Type}
     */
    public static Reply send(String url, Map<String, String> headers, String method, Object body) {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (text != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !raw.isEmpty() ? JSON.readTree(raw) : null;
            return new Reply(response.statusCode(), response.headers(), raw, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
