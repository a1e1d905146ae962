package uk.co.lomashwood.order.stripe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The offline provider's background clock: every second, and right after any change ({@link #poke}), it settles due
 * refunds and delivers due webhooks on one daemon thread. Work left over by a restart is picked up on the first tick.
 */
class OfflineTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OfflineTicker.class);
    private static final long PERIOD_MILLIS = 1000;

    private final List<Runnable> tasks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean poked = new AtomicBoolean();
    private ScheduledExecutorService scheduler;

    /** Adds a task to every tick, after the ones already added. */
    void run(Runnable task) {
        tasks.add(task);
    }

    /** Runs a tick as soon as possible (several pokes before it runs make one tick). */
    synchronized void poke() {
        if (scheduler != null && poked.compareAndSet(false, true)) {
            scheduler.execute(this::tick);
        }
    }

    private void tick() {
        poked.set(false);
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("offline Stripe provider task failed: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("offline-stripe").factory());
        scheduler.scheduleWithFixedDelay(this::tick, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
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
