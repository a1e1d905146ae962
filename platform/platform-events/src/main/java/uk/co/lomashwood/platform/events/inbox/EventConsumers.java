package uk.co.lomashwood.platform.events.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import uk.co.lomashwood.platform.events.transport.EventSubscription;
import uk.co.lomashwood.platform.events.transport.EventTransport;

/**
 * Subscribes the service's consumer group to the topics of its handlers on start; on stop (after the web server has
 * drained, before the outbox relay) stops polling and lets the message in flight finish (spec 00 §6.6).
 */
public class EventConsumers implements SmartLifecycle {

    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final EventTransport transport;
    private final String consumerGroup;
    private final InboxEventDispatcher dispatcher;
    private volatile EventSubscription subscription;
    private volatile boolean running;

    /** @param transport null when no transport is configured: handlers then never receive events */
    public EventConsumers(EventTransport transport, String consumerGroup, InboxEventDispatcher dispatcher) {
        this.transport = transport;
        this.consumerGroup = consumerGroup;
        this.dispatcher = dispatcher;
    }

    @Override
    public void start() {
        running = true;
        if (dispatcher.topics().isEmpty()) {
            return;
        }
        if (transport == null) {
            log.warn("No event transport configured: {} will not receive {}", consumerGroup, dispatcher.topics());
            return;
        }
        subscription = transport.subscribe(consumerGroup, dispatcher.topics(), dispatcher);
    }

    @Override
    public void stop() {
        running = false;
        EventSubscription current = subscription;
        subscription = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
