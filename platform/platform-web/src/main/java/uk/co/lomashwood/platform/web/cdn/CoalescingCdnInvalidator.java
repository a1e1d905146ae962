package uk.co.lomashwood.platform.web.cdn;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Collects paths and hands them to the delegate once per window (30 s, spec 00 §5.6), deduplicated, so a
 * burst of catalogue writes costs one CloudFront invalidation. Pending paths are flushed on shutdown.
 */
public class CoalescingCdnInvalidator implements CdnInvalidator, SmartLifecycle {

    private final CdnInvalidator delegate;
    private final Duration window;
    private final Set<String> pending = new LinkedHashSet<>();
    private ScheduledExecutorService scheduler;

    public CoalescingCdnInvalidator(CdnInvalidator delegate, Duration window) {
        this.delegate = delegate;
        this.window = window;
    }

    @Override
    public void invalidate(Collection<String> paths) {
        synchronized (pending) {
            pending.addAll(paths);
        }
    }

    /** Sends what has accumulated, if anything. */
    public void flush() {
        List<String> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = List.copyOf(pending);
            pending.clear();
        }
        delegate.invalidate(batch);
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("cdn-invalidation").factory());
        scheduler.scheduleWithFixedDelay(this::flush, window.toMillis(), window.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        flush();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
