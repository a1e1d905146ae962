package uk.co.lomashwood.platform.events;

/** The serialised envelope exceeds {@link EventEnvelope#MAX_SERIALISED_BYTES}: carry ids and URLs, not content. */
public class EventTooLargeException extends IllegalArgumentException {

    public EventTooLargeException(String topic, int bytes) {
        super("Event " + topic + " is " + bytes + " bytes; the limit is " + EventEnvelope.MAX_SERIALISED_BYTES);
    }
}
