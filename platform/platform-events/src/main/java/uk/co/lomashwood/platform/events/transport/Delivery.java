package uk.co.lomashwood.platform.events.transport;

/**
 * One delivery of a message.
 *
 * @param payload     the serialised envelope as received (may be malformed)
 * @param attempt     1 for the first delivery, counted by the transport
 * @param maxAttempts attempts before the message is dead-lettered
 */
public record Delivery(String payload, int attempt, int maxAttempts) {

    public boolean isLastAttempt() {
        return attempt >= maxAttempts;
    }
}
