package uk.co.lomashwood.platform.events.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Supplier;

/** Micrometer names use dots; the Prometheus registry renders them as {@code event_publish_total} and so on. */
public class MicrometerEventMetrics implements EventMetrics {

    private final MeterRegistry registry;

    public MicrometerEventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void published(String topic, String outcome) {
        Counter.builder("event.publish").tag("topic", topic).tag("outcome", outcome).register(registry).increment();
    }

    @Override
    public void consumed(String topic, String status) {
        Counter.builder("event.consume").tag("topic", topic).tag("status", status).register(registry).increment();
    }

    @Override
    public void outboxGauges(Supplier<Number> pending, Supplier<Number> oldestPendingSeconds) {
        Gauge.builder("outbox.pending", pending).strongReference(true).register(registry);
        Gauge.builder("outbox.oldest.pending", oldestPendingSeconds).baseUnit("seconds").strongReference(true)
                .register(registry);
    }

    @Override
    public void deadLetterGauge(String queue, Supplier<Number> openDeadLetters) {
        Gauge.builder("dlq.messages", openDeadLetters).tag("queue", queue).strongReference(true).register(registry);
    }
}
