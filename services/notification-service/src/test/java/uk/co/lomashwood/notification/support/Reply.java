package uk.co.lomashwood.notification.support;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;

/** An HTTP answer in a test: status, headers and the body parsed as JSON when it is JSON. */
public record Reply(int status, HttpHeaders headers, String raw, JsonNode json) {

    public JsonNode data() {
        return json.get("data");
    }

    public String code() {
        return json == null || json.get("code") == null ? null : json.get("code").asString();
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    @Override
    public String toString() {
        return status + " " + raw;
    }
}
