package uk.co.lomashwood.product.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background job of spec 20 §1.6 on its own daemon thread, run on its {@link Schedule} (a fixed delay after start
 * and after each run, or a London wall-clock time, so a restart does not postpone a daily or weekly job); a failing
 * run is logged and the next one still happens. Stops with the Spring context. Every run takes the Redis lock
 * {@code product:lock:job:{name}} for twice the expected runtime and is skipped while another instance holds it.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Schedule schedule;
    private final Duration lockTtl;
    private final JobLock lock;
    private ScheduledExecutorService scheduler;

    protected PeriodicJob(String name, long periodSeconds, Duration expectedRuntime, JobLock lock) {
        this(name, Schedule.every(Duration.ofSeconds(periodSeconds)), expectedRuntime, lock);
    }

    protected PeriodicJob(String name, Schedule schedule, Duration expectedRuntime, JobLock lock) {
        this.name = name;
        this.schedule = schedule;
        this.lockTtl = expectedRuntime.multipliedBy(2);
        this.lock = lock;
    }

    /** One run, without the lock; package-visible subclasses expose it to tests. */
    protected abstract void runOnce();

    /** One run under the job's lock, as the scheduler does it; false when another instance holds the lock. */
    public boolean runLocked() {
        return lock.runExclusively(name, lockTtl, this::runOnce);
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name).factory());
        scheduleNext();
    }

    private synchronized void scheduleNext() {
        if (scheduler == null) {
            return;
        }
        long delay = schedule.untilNextRun(ZonedDateTime.now(Schedule.LONDON)).toMillis();
        try {
            scheduler.schedule(this::runAndReschedule, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("{} not rescheduled, stopping", name);
        }
    }

    private void runAndReschedule() {
        try {
            runLocked();
        } catch (RuntimeException e) {
            log.warn("{} failed: {}", name, e.getMessage());
        }
        scheduleNext();
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
