package uk.co.lomashwood.platform.events.transport.redis;

import java.time.Duration;
import java.util.List;

/**
 * Tuning of {@link RedisStreamsEventTransport}.
 *
 * @param maxStreamLength   approximate MAXLEN of each topic stream
 * @param maxDlqLength      approximate MAXLEN of each {@code events:dlq:{service}} stream
 * @param maxAttempts       deliveries before a message is dead-lettered
 * @param retryBackoffs     wait before the 2nd, 3rd... attempt (the last value repeats)
 * @param visibilityTimeout how long another instance's unacknowledged message is left alone before it is taken over
 *                          (the owner may still be working on it; after a crash nobody is)
 * @param blockTimeout      XREADGROUP BLOCK; keep it below the Redis command timeout
 * @param batchSize         XREADGROUP COUNT
 * @param readFromStart     whether a newly created consumer group also reads events already in the stream
 */
public record RedisStreamsSettings(
        long maxStreamLength,
        long maxDlqLength,
        int maxAttempts,
        List<Duration> retryBackoffs,
        Duration visibilityTimeout,
        Duration blockTimeout,
        int batchSize,
        boolean readFromStart) {

    public RedisStreamsSettings {
        if (maxAttempts < 1 || retryBackoffs.isEmpty()) {
            throw new IllegalArgumentException("maxAttempts >= 1 and at least one retry backoff are required");
        }
        retryBackoffs = List.copyOf(retryBackoffs);
    }

    /** Wait after the given number of deliveries before the next one. */
    Duration backoffAfter(long deliveries) {
        int index = (int) Math.min(Math.max(deliveries, 1), retryBackoffs.size()) - 1;
        return retryBackoffs.get(index);
    }

    Duration shortestBackoff() {
        return retryBackoffs.stream().min(Duration::compareTo).orElseThrow();
    }
}
