package uk.co.lomashwood.platform.events.inbox;

import java.util.UUID;

/**
 * Optional fast path in front of {@code processed_events} (spec 00 §4.4): a fully processed event is remembered for a
 * while so its redeliveries skip the database. Never the source of truth; failures are ignored.
 */
public interface ProcessedEventCache {

    ProcessedEventCache NONE = new ProcessedEventCache() {
        @Override
        public boolean isProcessed(UUID eventId) {
            return false;
        }

        @Override
        public void markProcessed(UUID eventId) {
        }
    };

    boolean isProcessed(UUID eventId);

    void markProcessed(UUID eventId);
}
