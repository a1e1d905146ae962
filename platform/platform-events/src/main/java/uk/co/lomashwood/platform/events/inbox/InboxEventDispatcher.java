package uk.co.lomashwood.platform.events.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;
import uk.co.lomashwood.platform.events.EventJson;
import uk.co.lomashwood.platform.events.MalformedEventException;
import uk.co.lomashwood.platform.events.metrics.EventMetrics;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;
import uk.co.lomashwood.platform.events.transport.Delivery;
import uk.co.lomashwood.platform.events.transport.DeliveryResult;
import uk.co.lomashwood.platform.events.transport.EventDeliveryHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the service's {@link EventHandler}s for each delivery. Each handler runs in its own transaction that first
 * inserts {@code (eventId, handler)} into {@code processed_events}; an existing row means the handler already applied
 * this event, so it is skipped. Hence exactly-once effects under at-least-once delivery. A handler failing on the last
 * attempt is written to {@code dead_letter_events}; malformed messages and unsupported major versions are dead-lettered
 * at once.
 */
public class InboxEventDispatcher implements EventDeliveryHandler {

    private static final Logger log = LoggerFactory.getLogger(InboxEventDispatcher.class);

    private final String consumerGroup;
    private final Map<String, List<EventHandler>> handlersByTopic;
    private final EventJson json;
    private final TransactionTemplate transactions;
    private final ProcessedEvents processedEvents;
    private final DeadLetterStore deadLetters;
    private final ProcessedEventCache cache;
    private final EventMetrics metrics;

    public InboxEventDispatcher(String consumerGroup, List<EventHandler> handlers, EventJson json, JdbcClient jdbc,
                                TransactionTemplate transactions, ProcessedEventCache cache, EventMetrics metrics) {
        this.consumerGroup = consumerGroup;
        this.handlersByTopic = indexByTopic(handlers);
        this.json = json;
        this.transactions = transactions;
        this.processedEvents = new ProcessedEvents(jdbc);
        this.deadLetters = new DeadLetterStore(jdbc);
        this.cache = cache;
        this.metrics = metrics;
        if (!handlersByTopic.isEmpty()) {
            metrics.deadLetterGauge(consumerGroup, this::openDeadLettersOrNaN);
        }
    }

    public Set<String> topics() {
        return handlersByTopic.keySet();
    }

    @Override
    public DeliveryResult handle(Delivery delivery) {
        EventEnvelope event;
        try {
            event = json.read(delivery.payload());
        } catch (MalformedEventException e) {
            deadLetters.record(null, consumerGroup, null, delivery.payload(), e.reason().name(), e.getMessage(),
                    delivery.attempt());
            metrics.consumed("unknown", "malformed");
            log.warn("Dead-lettered a {} message: {}", e.reason(), e.getMessage());
            return DeliveryResult.deadLettered(e.reason().name());
        }
        Map<String, String> previousMdc = MDC.getCopyOfContextMap();
        try {
            MDC.put(OutboxPublisher.REQUEST_ID_MDC_KEY, event.correlationId());
            MDC.put(OutboxPublisher.EVENT_ID_MDC_KEY, event.eventId().toString());
            MDC.put("topic", event.topic());
            return dispatch(event, delivery);
        } finally {
            restore(previousMdc);
        }
    }

    private DeliveryResult dispatch(EventEnvelope event, Delivery delivery) {
        if (cache.isProcessed(event.eventId())) {
            metrics.consumed(event.topic(), "duplicate");
            return DeliveryResult.processed();
        }
        String retryError = null;
        boolean deadLettered = false;
        for (EventHandler handler : handlersByTopic.getOrDefault(event.topic(), List.of())) {
            long started = System.nanoTime();
            try {
                boolean applied = Boolean.TRUE.equals(transactions.execute(status -> applyOnce(handler, event)));
                metrics.consumed(event.topic(), applied ? "success" : "duplicate");
                log.debug("Handled by {} in {} ms", handler.name(), (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                if (delivery.isLastAttempt()) {
                    deadLetters.record(event.eventId(), handler.name(), event.topic(), delivery.payload(),
                            DeadLetter.HANDLER_FAILED, e.toString(), delivery.attempt());
                    deadLettered = true;
                    metrics.consumed(event.topic(), "dead_lettered");
                    log.error("{} failed on attempt {} of {}; dead-lettered", handler.name(), delivery.attempt(),
                            delivery.maxAttempts(), e);
                } else {
                    retryError = handler.name() + ": " + e;
                    metrics.consumed(event.topic(), "retry");
                    log.warn("{} failed on attempt {} of {}; will retry", handler.name(), delivery.attempt(),
                            delivery.maxAttempts(), e);
                }
            }
        }
        if (retryError != null) {
            return DeliveryResult.retry(retryError);
        }
        if (deadLettered) {
            return DeliveryResult.deadLettered(DeadLetter.HANDLER_FAILED);
        }
        cache.markProcessed(event.eventId());
        return DeliveryResult.processed();
    }

    private boolean applyOnce(EventHandler handler, EventEnvelope event) {
        if (!processedEvents.markProcessed(event.eventId(), handler.name(), event.topic())) {
            return false;
        }
        handler.handle(event);
        return true;
    }

    private static Map<String, List<EventHandler>> indexByTopic(List<EventHandler> handlers) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, List<EventHandler>> byTopic = new HashMap<>();
        for (EventHandler handler : handlers) {
            if (!names.add(handler.name())) {
                throw new IllegalStateException("Two event handlers are named " + handler.name()
                        + "; override EventHandler.name() so each has its own inbox key");
            }
            if (handler.topics().isEmpty()) {
                throw new IllegalStateException("Event handler " + handler.name() + " subscribes to no topic");
            }
            handler.topics().forEach(topic -> byTopic.computeIfAbsent(topic, t -> new ArrayList<>())
                    .add(handler));
        }
        byTopic.replaceAll((topic, list) -> List.copyOf(list));
        return Map.copyOf(byTopic);
    }

    private Number openDeadLettersOrNaN() {
        try {
            return deadLetters.countOpen();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static void restore(Map<String, String> previousMdc) {
        if (previousMdc == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(previousMdc);
        }
    }
}
