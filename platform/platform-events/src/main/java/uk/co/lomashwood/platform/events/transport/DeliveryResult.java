package uk.co.lomashwood.platform.events.transport;

/** What the transport should do with a delivered message. */
public record DeliveryResult(Outcome outcome, String detail) {

    public enum Outcome {
        /** Handled (or already handled before): acknowledge. */
        PROCESSED,
        /** Failed this time: leave unacknowledged so it is delivered again after a backoff. */
        RETRY,
        /** Given up (recorded in the service's dead letters): move to the transport's DLQ and acknowledge. */
        DEAD_LETTERED
    }

    public static DeliveryResult processed() {
        return new DeliveryResult(Outcome.PROCESSED, null);
    }

    public static DeliveryResult retry(String error) {
        return new DeliveryResult(Outcome.RETRY, error);
    }

    public static DeliveryResult deadLettered(String reason) {
        return new DeliveryResult(Outcome.DEAD_LETTERED, reason);
    }
}
