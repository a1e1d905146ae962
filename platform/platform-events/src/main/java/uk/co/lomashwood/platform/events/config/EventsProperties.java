package uk.co.lomashwood.platform.events.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code lomash.events.*}; every property also binds from the environment, e.g. {@code LOMASH_EVENTS_ENABLED},
 * {@code LOMASH_EVENTS_RELAY_POLLINTERVAL=200ms}, {@code LOMASH_EVENTS_CONSUMER_RETRYBACKOFFS=1s,5s}.
 *
 * @param enabled   switches the whole module off
 * @param transport {@code redis} (default) or {@code none}; {@code sns-sqs} is the planned AWS adapter
 */
@ConfigurationProperties("lomash.events")
public record EventsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("redis") String transport,
        @DefaultValue Relay relay,
        @DefaultValue Consumer consumer,
        @DefaultValue Redis redis) {

    /**
     * @param enabled        whether this instance runs an outbox relay
     * @param pollInterval   pause between polls of the outbox when it is drained
     * @param batchSize      rows per relay transaction
     * @param initialBackoff first retry delay of a row that failed to publish (doubles per failure)
     * @param maxBackoff     largest retry delay (retries never stop)
     * @param retention      published rows older than this are deleted
     * @param pruneInterval  how often they are deleted (together with old {@code processed_events} rows)
     * @param processedRetention how long the inbox remembers a handled event id; longer than any redelivery
     *                       can arrive (Redis Streams pending entries, SQS's 14-day maximum retention)
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("100") int batchSize,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("60s") Duration maxBackoff,
            @DefaultValue("7d") Duration retention,
            @DefaultValue("1h") Duration pruneInterval,
            @DefaultValue("30d") Duration processedRetention) {
    }

    /**
     * @param enabled           whether this instance consumes events for its handlers
     * @param maxAttempts       deliveries before a message is dead-lettered
     * @param retryBackoffs     wait before the 2nd, 3rd... delivery
     * @param visibilityTimeout after this, a message another instance received but never acknowledged is taken over
     * @param blockTimeout      how long one read waits for new messages (below the Redis command timeout)
     * @param batchSize         messages fetched per read
     * @param readFromStart     a consumer group created for the first time also reads events already in the stream
     * @param processedKeyTtl   lifetime of the Redis fast-path key {@code {prefix}:processed:{eventId}}
     */
    public record Consumer(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue({"1s", "5s"}) List<Duration> retryBackoffs,
            @DefaultValue("30s") Duration visibilityTimeout,
            @DefaultValue("500ms") Duration blockTimeout,
            @DefaultValue("10") int batchSize,
            @DefaultValue("true") boolean readFromStart,
            @DefaultValue("24h") Duration processedKeyTtl) {
    }

    /**
     * @param maxStreamLength approximate cap of each {@code events:{topic}} stream
     * @param maxDlqLength    approximate cap of {@code events:dlq:{service}} and {@code events:redrive:{service}}
     * @param keyPrefix       prefix of this service's Redis keys; default: the application name without
     *                        {@code -service} (order-payment-service sets {@code order})
     */
    /**
     * @param busDatabase the Redis database index that holds the event streams of every service (the
     *                    bus is shared; each service's own data stays in its own index). -1 keeps the
     *                    streams in the service's own database (a single-service test, say).
     */
    public record Redis(
            @DefaultValue("100000") long maxStreamLength,
            @DefaultValue("10000") long maxDlqLength,
            String keyPrefix,
            @DefaultValue("15") int busDatabase) {
    }
}
