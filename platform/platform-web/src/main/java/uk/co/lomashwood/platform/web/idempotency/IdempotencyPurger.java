package uk.co.lomashwood.platform.web.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes idempotency keys past their 24 h retention every hour. Deleting expired rows is
 * harmless to repeat, so several instances need no lock.
 */
public class IdempotencyPurger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurger.class);
    private final IdempotencyStore store;
    private ScheduledExecutorService scheduler;

    public IdempotencyPurger(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("idempotency-purge").factory());
        scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    private void purge() {
        try {
            int purged = store.purgeExpired();
            if (purged > 0) {
                log.info("purged {} expired idempotency keys", purged);
            }
        } catch (RuntimeException e) {
            log.warn("idempotency purge failed: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
