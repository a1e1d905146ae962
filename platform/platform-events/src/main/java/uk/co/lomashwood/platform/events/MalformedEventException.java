package uk.co.lomashwood.platform.events;

/** A received message that cannot be an envelope this platform accepts; it goes straight to the dead letters. */
public class MalformedEventException extends RuntimeException {

    /** Why a message was rejected; stored as {@code dead_letter_events.reason}. */
    public enum Reason { MALFORMED, UNSUPPORTED_VERSION }

    private final Reason reason;

    public MalformedEventException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
