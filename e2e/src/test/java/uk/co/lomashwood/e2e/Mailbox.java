package uk.co.lomashwood.e2e;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The local mailbox's JSON API, polled the way a person would refresh the page. */
final class Mailbox {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    Mailbox(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The newest message to {@code recipient}, waiting up to {@code timeout} for it to arrive. */
    JsonNode awaitMessageTo(String recipient, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> found = newestTo(recipient);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no email to " + recipient + " arrived within " + timeout);
    }

    /** Every message to {@code recipient}, newest first. */
    java.util.List<JsonNode> allTo(String recipient) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/messages")).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode message : Gateway.JSON.readTree(response.body())) {
            for (JsonNode to : message.path("to")) {
                if (to.asString().equalsIgnoreCase(recipient)) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    Optional<JsonNode> newestTo(String recipient) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/messages")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode message : Gateway.JSON.readTree(response.body())) {
            for (JsonNode to : message.path("to")) {
                if (to.asString().toLowerCase().contains(recipient.toLowerCase())) {
                    return Optional.of(message);
                }
            }
        }
        return Optional.empty();
    }
}
