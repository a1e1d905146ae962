package uk.co.lomashwood.platform.events.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code dead_letter_events}: a message this service gave up on.
 *
 * @param eventId   null when the message was not a readable envelope
 * @param consumer  the handler that failed, or the consumer group for malformed messages
 * @param payload   the message as received
 * @param reason    {@code HANDLER_FAILED}, {@code MALFORMED} or {@code UNSUPPORTED_VERSION}
 * @param error     the last error
 * @param redrivenAt when an operator re-drove it, or null
 */
public record DeadLetter(UUID id, UUID eventId, String consumer, String topic, String payload, String reason,
                         String error, int attempts, Instant createdAt, Instant redrivenAt) {

    public static final String HANDLER_FAILED = "HANDLER_FAILED";
}
