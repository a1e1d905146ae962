package uk.co.lomashwood.auth.message;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.util.Map;

/**
 * Sends through notification-service's internal send API (spec 40 §1.3): {@code POST /internal/notifications}
 * with {@code templateSlug}, {@code channel}, {@code recipient}, {@code variables} and the required
 * {@code Idempotency-Key} (the message id). Non-2xx answers throw, so the message is retried.
 */
class NotificationServiceCredentialSender implements CredentialMessageSender {

    private final RestClient client;

    NotificationServiceCredentialSender(RestClient client) {
        this.client = client;
    }

    record Recipient(String userId, String email) {
    }

    record Source(String topic, String eventId, String entityType, String entityId) {
    }

    record SendRequest(String templateSlug, String channel, Recipient recipient, Map<String, String> variables,
                       String priority, Source source) {
    }

    @Override
    public void send(CredentialMessage message) {
        SendRequest request = new SendRequest(message.templateSlug(), "EMAIL",
                new Recipient(message.userId() == null ? null : message.userId().toString(), message.recipientEmail()),
                message.variables(), "CRITICAL",
                new Source(null, null, "user", message.userId() == null ? null : message.userId().toString()));
        client.post()
                .uri("/internal/notifications")
                .header("Idempotency-Key", message.id().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .toBodilessEntity();
    }
}
