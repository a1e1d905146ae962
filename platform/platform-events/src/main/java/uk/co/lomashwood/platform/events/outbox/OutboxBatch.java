package uk.co.lomashwood.platform.events.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.platform.events.EventJson;
import uk.co.lomashwood.platform.events.metrics.EventMetrics;
import uk.co.lomashwood.platform.events.transport.EventTransport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One relay step in one transaction: lock due rows ({@code FOR UPDATE SKIP LOCKED}, so concurrent relays take
 * different rows), publish them oldest first, mark them published. The first failure gets the row a backoff and ends
 * the step, since the bus is probably down.
 */
class OutboxBatch {

    private static final Logger log = LoggerFactory.getLogger(OutboxBatch.class);

    private final OutboxStore store;
    private final TransactionTemplate transactions;
    private final EventTransport transport;
    private final EventJson json;
    private final EventMetrics metrics;
    private final RelaySettings settings;

    OutboxBatch(OutboxStore store, TransactionTemplate transactions, EventTransport transport, EventJson json,
                EventMetrics metrics, RelaySettings settings) {
        this.store = store;
        this.transactions = transactions;
        this.transport = transport;
        this.json = json;
        this.metrics = metrics;
        this.settings = settings;
    }

    OutboxRelay.RelayResult run() {
        OutboxRelay.RelayResult result = transactions.execute(status -> {
            List<UUID> published = new ArrayList<>();
            String error = null;
            List<OutboxRow> due = store.lockDue(settings.batchSize());
            for (OutboxRow row : due) {
                try {
                    transport.publish(json.read(row.payload()));
                    published.add(row.id());
                    metrics.published(row.topic(), "success");
                } catch (RuntimeException e) {
                    error = e.toString();
                    recordFailure(row, error, e);
                    break;
                }
            }
            store.markPublished(published);
            return new OutboxRelay.RelayResult(due.size(), published.size(), error);
        });
        return result == null ? new OutboxRelay.RelayResult(0, 0, null) : result;
    }

    private void recordFailure(OutboxRow row, String error, RuntimeException cause) {
        int attempts = row.attempts() + 1;
        Duration retryIn = settings.backoffAfter(attempts);
        store.markFailed(row.id(), attempts, retryIn, error);
        metrics.published(row.topic(), "failure");
        log.debug("Publishing outbox row {} ({}) failed, attempt {}, retry in {}", row.id(), row.topic(), attempts,
                retryIn, cause);
    }
}
