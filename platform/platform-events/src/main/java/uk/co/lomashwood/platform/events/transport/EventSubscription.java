package uk.co.lomashwood.platform.events.transport;

/** A running subscription of a consumer group. */
public interface EventSubscription extends AutoCloseable {

    /** Stops fetching messages and waits for the message in flight; unacknowledged ones are redelivered later. */
    @Override
    void close();
}
