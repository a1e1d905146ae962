package uk.co.lomashwood.platform.test.http;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/** An HTTP answer in a test: status, headers and the body parsed as JSON when it is JSON. */
public record Reply(int status, HttpHeaders headers, String raw, JsonNode json) {

    public JsonNode data() {
        return json.get("data");
    }

    /** The problem's catalogue {@code code}, or null. */
    public String code() {
        return json == null || json.get("code") == null ? null : json.get("code").asString();
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public List<String> cookies() {
        return headers.allValues("Set-Cookie");
    }

    /** The value of the {@code __Host-refresh} cookie (the platform's only cookie) set by this answer, if any. */
    public Optional<String> refreshCookie() {
        return cookies().stream().filter(c -> c.startsWith("__Host-refresh="))
                .map(c -> c.substring("__Host-refresh=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(v -> !v.isEmpty())
                .findFirst();
    }

    @Override
    public String toString() {
        return status + " " + raw;
    }
}
