package uk.co.lomashwood.order.stripe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The offline provider's webhook deliveries, made the way Stripe makes them: each event is stored with the state
 * change that caused it, then POSTed asynchronously to {@code lomash.stripe.offline-webhook-url} with a fresh
 * {@code Stripe-Signature} per attempt; a non-2xx answer or a network error is retried with exponential backoff
 * (base × 2^(attempt−1), at most one hour apart, {@value #MAX_ATTEMPTS} attempts). Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances never deliver the same attempt twice.
 */
class OfflineWebhookDeliveries {

    static final int MAX_ATTEMPTS = 12;
    private static final Logger log = LoggerFactory.getLogger(OfflineWebhookDeliveries.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Supplier<String> url;
    private final String secret;
    private final Duration backoff;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param url resolved at every delivery, so it may name {@code ${local.server.port}} (tests delivering to this service) */
    OfflineWebhookDeliveries(JdbcClient jdbc, Clock clock, StripeProperties properties, Supplier<String> url) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.url = url;
        this.secret = properties.webhookSecret();
        this.backoff = properties.offlineRetryBackoff();
    }

    /** Queues a {@code type} event about {@code object}; call inside the transaction that changed the object. */
    String enqueue(String type, ObjectNode object, String idempotencyKey) {
        Instant now = clock.instant();
        String eventId = OfflineStripeObjects.id("evt");
        String payload = OfflineStripeObjects.JSON.writeValueAsString(
                OfflineStripeObjects.event(eventId, type, object, idempotencyKey, now));
        jdbc.sql("""
                INSERT INTO offline_webhook_deliveries (event_id, event_type, payload, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .param(eventId).param(type).param(payload).param(Timestamp.from(now)).param(Timestamp.from(now)).update();
        return eventId;
    }

    /** Attempts every delivery that is due, oldest first; returns how many were accepted by the receiver. */
    int deliverDue() {
        int delivered = 0;
        for (Due due : claimDue(20)) {
            int status = post(due.payload());
            if (status >= 200 && status < 300) {
                jdbc.sql("UPDATE offline_webhook_deliveries SET delivered_at = ?, last_status = ? WHERE event_id = ?")
                        .param(Timestamp.from(clock.instant())).param(status).param(due.eventId()).update();
                delivered++;
            } else {
                Duration wait = backoff.multipliedBy(1L << Math.min(due.attempts() - 1, 20));
                wait = wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
                log.warn("offline Stripe webhook {} ({}) attempt {} got {}; next attempt in {}", due.eventId(),
                        due.eventType(), due.attempts(), status == 0 ? "no answer" : status, wait);
                jdbc.sql("UPDATE offline_webhook_deliveries SET next_attempt_at = ?, last_status = ? WHERE event_id = ?")
                        .param(Timestamp.from(clock.instant().plus(wait))).param(status).param(due.eventId()).update();
            }
        }
        return delivered;
    }

    private List<Due> claimDue(int limit) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE offline_webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?
                WHERE event_id IN (SELECT event_id FROM offline_webhook_deliveries
                                   WHERE delivered_at IS NULL AND next_attempt_at <= ? AND attempts < ?
                                   ORDER BY created_at, event_id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING event_id, event_type, payload, attempts, created_at""")
                .param(Timestamp.from(now.plus(LEASE))).param(Timestamp.from(now)).param(MAX_ATTEMPTS).param(limit)
                .query((rs, row) -> new Due(rs.getString("event_id"), rs.getString("event_type"), rs.getString("payload"),
                        rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant()))
                .list().stream().sorted(Comparator.comparing(Due::createdAt).thenComparing(Due::eventId)).toList();
    }

    /** The receiver's status code, or 0 when it could not be reached. */
    private int post(String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        URI target;
        try {
            target = URI.create(url.get());
        } catch (IllegalArgumentException e) {
            log.warn("offline Stripe webhook URL is not usable yet: {}", e.getMessage());
            return 0;
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .header("Stripe-Signature", StripeWebhookSignatures.sign(body, secret, clock.instant()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private record Due(String eventId, String eventType, String payload, int attempts, Instant createdAt) {
    }
}
