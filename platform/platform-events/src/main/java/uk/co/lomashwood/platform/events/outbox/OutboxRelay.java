package uk.co.lomashwood.platform.events.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.platform.events.EventJson;
import uk.co.lomashwood.platform.events.metrics.EventMetrics;
import uk.co.lomashwood.platform.events.transport.EventTransport;

import java.time.Clock;
import java.time.Duration;

/**
 * Publishes committed outbox rows through the {@link EventTransport} on a virtual thread, one {@link OutboxBatch}
 * after another; any number of service instances can relay at once and each row is sent by one of them. A failed row
 * is retried with exponential backoff, without limit (spec 00 §6.2), and the whole relay backs off while the bus is
 * down. Delivery stays at-least-once: a crash between publishing and committing sends the row again.
 */
public class OutboxRelay implements SmartLifecycle {

    /** Stops after the consumers, whose handlers may still publish. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 8192;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final OutboxStore store;
    private final OutboxBatch batch;
    private final EventTransport transport;
    private final RelaySettings settings;
    private final Clock clock;

    private volatile boolean running;
    private Thread worker;
    private int consecutiveFailures;
    private long nextPruneAt;

    /** @param transport null when none is configured: the relay then does not run */
    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, EventTransport transport, EventJson json,
                       EventMetrics metrics, RelaySettings settings, Clock clock) {
        this.store = new OutboxStore(jdbc);
        this.batch = new OutboxBatch(store, transactions, transport, json, metrics, settings);
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
        metrics.outboxGauges(this::pendingOrNaN, this::oldestPendingOrNaN);
    }

    /**
     * Publishes up to one batch of due rows in one transaction; stops at the first failure.
     *
     * @return rows locked and published, and the error that stopped the batch if any
     */
    public RelayResult relayBatch() {
        return batch.run();
    }

    /** Deletes published rows older than the retention (7 days by default). */
    public int prunePublished() {
        return store.prunePublishedBefore(clock.instant().minus(settings.retention()));
    }

    /**
     * Deletes inbox rows older than their retention (30 days by default): by then no transport can deliver the
     * event again, so the row no longer protects anything. The relay is the service's event housekeeping loop.
     */
    public int pruneProcessed() {
        return store.pruneProcessedBefore(clock.instant().minus(settings.processedRetention()));
    }

    @Override
    public void start() {
        if (transport == null) {
            log.warn("No event transport configured: outbox rows are kept until one is (lomash.events.transport)");
            return;
        }
        running = true;
        worker = Thread.ofVirtual().name("outbox-relay").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (worker != null && !worker.join(SHUTDOWN_WAIT)) {
                worker.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void run() {
        while (running) {
            Duration pause = settings.pollInterval();
            try {
                RelayResult result = relayBatch();
                pause = afterBatch(result);
                pruneWhenDue();
            } catch (RuntimeException e) {
                consecutiveFailures++;
                pause = settings.backoffAfter(consecutiveFailures);
                logFailure("Outbox relay cannot reach its database", e.toString());
            }
            if (pause.isPositive() && !sleep(pause)) {
                return;
            }
        }
        flushOnShutdown();
    }

    private Duration afterBatch(RelayResult result) {
        if (result.failed()) {
            consecutiveFailures++;
            logFailure("Outbox relay cannot publish, will retry with backoff", result.error());
            return settings.backoffAfter(consecutiveFailures);
        }
        if (consecutiveFailures > 0) {
            log.info("Outbox relay publishing again after {} failed attempts", consecutiveFailures);
            consecutiveFailures = 0;
        }
        return result.locked() >= settings.batchSize() ? Duration.ZERO : settings.pollInterval();
    }

    /** Spec 00 §6.6: flush the outbox on shutdown, as far as the bus allows, without retrying. */
    private void flushOnShutdown() {
        try {
            RelayResult result;
            do {
                result = relayBatch();
            } while (!result.failed() && result.locked() >= settings.batchSize());
        } catch (RuntimeException e) {
            log.debug("Final outbox flush skipped", e);
        }
    }

    private void pruneWhenDue() {
        long now = System.nanoTime();
        if (now - nextPruneAt >= 0) {
            nextPruneAt = now + settings.pruneInterval().toNanos();
            int pruned = prunePublished();
            int forgotten = pruneProcessed();
            if (pruned > 0 || forgotten > 0) {
                log.info("Pruned {} published outbox rows and {} processed-event rows", pruned, forgotten);
            }
        }
    }

    private void logFailure(String message, String error) {
        if (consecutiveFailures == 1 || consecutiveFailures % 50 == 0) {
            log.warn("{} ({} consecutive failures): {}", message, consecutiveFailures, error);
        }
    }

    private boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Number pendingOrNaN() {
        try {
            return store.countPending();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private Number oldestPendingOrNaN() {
        try {
            return store.oldestPendingSeconds();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Outcome of one {@link #relayBatch()}: rows locked, rows published, the error that stopped it or null. */
    public record RelayResult(int locked, int published, String error) {

        public boolean failed() {
            return error != null;
        }
    }
}
