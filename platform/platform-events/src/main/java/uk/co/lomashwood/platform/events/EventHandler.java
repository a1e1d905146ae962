package uk.co.lomashwood.platform.events;

import org.springframework.util.ClassUtils;

import java.util.Set;

/**
 * A consumer of events. Declare implementations as Spring beans; the platform subscribes the service's consumer group
 * to their topics and calls {@link #handle(EventEnvelope)} inside a transaction that also records the event id in
 * {@code processed_events}, so the handler's database effects happen exactly once per event even though delivery is
 * at-least-once. Throwing rolls the transaction back; the event is retried (3 attempts in all) and then dead-lettered.
 */
public interface EventHandler {

    /**
     * The inbox key of this handler ({@code processed_events.consumer}). Defaults to the simple class name; override it
     * before renaming the class, or already-processed events would be handled again.
     */
    default String name() {
        return ClassUtils.getUserClass(this).getSimpleName();
    }

    Set<String> topics();

    void handle(EventEnvelope event);
}
