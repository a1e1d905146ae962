package uk.co.lomashwood.platform.events.transport;

import uk.co.lomashwood.platform.events.EventEnvelope;

import java.util.Set;

/**
 * The bus (spec 00 §4.1), swappable by configuration. Delivery is at-least-once; consumers dedupe by event id.
 *
 * <ul>
 *   <li>{@code redis} (default, local and dev): {@link uk.co.lomashwood.platform.events.transport.redis.RedisStreamsEventTransport},
 *       one stream per topic, one consumer group per consuming service.</li>
 *   <li>{@code sns-sqs} (AWS, a later adapter): {@link #publish} sends to the domain's SNS topic
 *       {@code lomash-{env}-{domain}-events} (FIFO for order and appointment, group = aggregate id, dedup id = event id)
 *       with message attribute {@code topic}; {@link #subscribe} long-polls the service's queue
 *       {@code lomash-{env}-{service}} (and {@code .fifo}), maps the SQS receive count to {@link Delivery#attempt()},
 *       deletes on {@code PROCESSED}, changes visibility (30 s, 2 min, 10 min) on {@code RETRY}, and sends to the queue's
 *       DLQ on {@code DEAD_LETTERED}; {@link #redeliver} sends straight to the service's queue.</li>
 * </ul>
 */
public interface EventTransport {

    /**
     * Hands the event to the bus; returns once the bus has accepted it.
     *
     * @throws RuntimeException when the bus is unreachable or refuses the event (the outbox relay retries)
     */
    void publish(EventEnvelope event);

    /**
     * Starts delivering the topics to the consumer group on a background thread until the subscription is closed.
     * A delivery is acknowledged only after the handler returned {@link DeliveryResult.Outcome#PROCESSED} or
     * {@link DeliveryResult.Outcome#DEAD_LETTERED}; a thrown exception counts as a retry.
     */
    EventSubscription subscribe(String consumerGroup, Set<String> topics, EventDeliveryHandler handler);

    /** Delivers the event again to one consumer group only (operator re-drive of a dead letter). */
    void redeliver(String consumerGroup, EventEnvelope event);
}
