package uk.co.lomashwood.product.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background job of spec 20 §1.6 on its own daemon thread: first run one period after start, then with a fixed
 * delay; a failing run is logged and the next one still happens. Stops with the Spring context.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final long periodSeconds;
    private ScheduledExecutorService scheduler;

    protected PeriodicJob(String name, long periodSeconds) {
        this.name = name;
        this.periodSeconds = periodSeconds;
    }

    /** One run; package-visible subclasses expose it to tests. */
    protected abstract void runOnce();

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name).factory());
        scheduler.scheduleWithFixedDelay(this::runQuietly, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("{} failed: {}", name, e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
