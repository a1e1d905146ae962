package uk.co.lomashwood.infra.messaging;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.StringConditions;
import software.amazon.awscdk.services.sns.SubscriptionFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.events.EventCatalogue;
import uk.co.lomashwood.infra.events.EventDomain;

/**
 * Spec 00 §4.1: one SNS topic per event domain ({@code lomash-<env>-<domain>-events}, FIFO for order and
 * appointment); each consuming service owns a standard queue and, when it reads a FIFO domain, a FIFO
 * queue; every subscription filters on the {@code topic} message attribute; every queue has a DLQ.
 */
public final class EventBusConstruct extends Construct {

    /** Spec 00 §4.4: three delivery attempts, then the DLQ. */
    public static final int MAX_RECEIVE_COUNT = 3;
    public static final Duration DLQ_RETENTION = Duration.days(14);
    public static final Duration VISIBILITY_TIMEOUT = Duration.seconds(30);
    public static final String FILTER_ATTRIBUTE = "topic";

    private final Map<EventDomain, Topic> topics = new EnumMap<>(EventDomain.class);
    private final Map<String, ConsumerQueues> queues = new LinkedHashMap<>();

    /** The queues a consuming service reads, with their dead-letter queues. */
    public record ConsumerQueues(Queue standard, Queue standardDlq, Optional<Queue> fifo, Optional<Queue> fifoDlq) {

        public List<Queue> deadLetterQueues() {
            return fifoDlq.map(f -> List.of(standardDlq, f)).orElse(List.of(standardDlq));
        }

        public List<Queue> mainQueues() {
            return fifo.map(f -> List.of(standard, f)).orElse(List.of(standard));
        }
    }

    public EventBusConstruct(Construct scope, String id, EnvironmentConfig config, IKey key) {
        super(scope, id);
        for (EventDomain domain : EventDomain.values()) {
            topics.put(domain, Topic.Builder.create(this, camel(domain.id()) + "Events")
                    .topicName(config.physicalName(domain.id() + "-events") + (domain.fifo() ? ".fifo" : ""))
                    .displayName("Lomash Wood " + domain.id() + " events (" + config.name() + ")")
                    .fifo(domain.fifo() ? true : null)
                    .contentBasedDeduplication(domain.fifo() ? false : null)
                    .masterKey(key)
                    .enforceSsl(true)
                    .build());
        }
        for (String consumer : EventCatalogue.consumers()) {
            ConsumerQueues owned = createQueues(config, consumer, key);
            queues.put(consumer, owned);
            for (EventDomain domain : EventDomain.values()) {
                List<String> consumed = EventCatalogue.topicsConsumed(consumer, domain);
                if (consumed.isEmpty()) {
                    continue;
                }
                Queue target = domain.fifo() ? owned.fifo().orElseThrow() : owned.standard();
                topics.get(domain).addSubscription(SqsSubscription.Builder.create(target)
                        .rawMessageDelivery(true)
                        .filterPolicy(Map.of(FILTER_ATTRIBUTE, SubscriptionFilter.stringFilter(
                                StringConditions.builder().allowlist(consumed).build())))
                        .build());
            }
        }
    }

    public Topic topic(EventDomain domain) {
        return topics.get(domain);
    }

    public Map<String, ConsumerQueues> queues() {
        return queues;
    }

    public Optional<ConsumerQueues> queuesOf(String service) {
        return Optional.ofNullable(queues.get(service));
    }

    private ConsumerQueues createQueues(EnvironmentConfig config, String consumer, IKey key) {
        String base = config.physicalName(consumer);
        String id = camel(consumer);
        Queue standardDlq = queue(id + "Dlq", base + "-dlq", false, key, null, DLQ_RETENTION);
        Queue standard = queue(id + "Queue", base, false, key, standardDlq, null);
        if (!EventCatalogue.consumesFifo(consumer)) {
            return new ConsumerQueues(standard, standardDlq, Optional.empty(), Optional.empty());
        }
        Queue fifoDlq = queue(id + "FifoDlq", base + "-dlq.fifo", true, key, null, DLQ_RETENTION);
        Queue fifo = queue(id + "FifoQueue", base + ".fifo", true, key, fifoDlq, null);
        return new ConsumerQueues(standard, standardDlq, Optional.of(fifo), Optional.of(fifoDlq));
    }

    private Queue queue(String id, String name, boolean fifo, IKey key, Queue deadLetters, Duration retention) {
        var builder = Queue.Builder.create(this, id)
                .queueName(name)
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(key)
                .enforceSsl(true)
                .visibilityTimeout(VISIBILITY_TIMEOUT)
                .receiveMessageWaitTime(Duration.seconds(20));
        if (fifo) {
            builder.fifo(true).contentBasedDeduplication(false);
        }
        if (retention != null) {
            builder.retentionPeriod(retention);
        }
        if (deadLetters != null) {
            builder.deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_RECEIVE_COUNT).build());
        }
        return builder.build();
    }

    static String camel(String name) {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("[-_.]")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }
}
