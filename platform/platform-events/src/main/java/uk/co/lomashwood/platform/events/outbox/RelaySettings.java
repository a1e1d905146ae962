package uk.co.lomashwood.platform.events.outbox;

import java.time.Duration;

/**
 * Tuning of the {@link OutboxRelay}.
 *
 * @param pollInterval   pause between polls when the last one found less than a full batch
 * @param batchSize      rows locked and published per transaction
 * @param initialBackoff retry delay of a row after its first failed publish; doubles per failure
 * @param maxBackoff     cap of the retry delay (retries never stop)
 * @param retention      how long published rows are kept
 * @param pruneInterval  how often published rows older than the retention are deleted
 * @param processedRetention how long the consumer inbox ({@code processed_events}) keeps an event id
 */
public record RelaySettings(Duration pollInterval, int batchSize, Duration initialBackoff, Duration maxBackoff,
                            Duration retention, Duration pruneInterval, Duration processedRetention) {

    Duration backoffAfter(int failures) {
        long factor = 1L << Math.min(Math.max(failures - 1, 0), 30);
        long millis = initialBackoff.toMillis() * factor;
        return millis <= 0 || millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
    }
}
