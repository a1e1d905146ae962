package uk.co.lomashwood.platform.events.metrics;

import java.util.function.Supplier;

/** Event metrics of spec 00 §8.3; a no-op unless Micrometer and a {@code MeterRegistry} are present. */
public interface EventMetrics {

    EventMetrics NONE = new EventMetrics() {
    };

    /** {@code event_publish_total{topic, outcome}}; outcome is {@code success} or {@code failure}. */
    default void published(String topic, String outcome) {
    }

    /** {@code event_consume_total{topic, status}}; status is success, duplicate, retry, dead_lettered or malformed. */
    default void consumed(String topic, String status) {
    }

    /** {@code outbox_pending} and {@code outbox_oldest_pending_seconds} gauges. */
    default void outboxGauges(Supplier<Number> pending, Supplier<Number> oldestPendingSeconds) {
    }

    /** {@code dlq_messages{queue}}: dead letters not yet re-driven. */
    default void deadLetterGauge(String queue, Supplier<Number> openDeadLetters) {
    }
}
