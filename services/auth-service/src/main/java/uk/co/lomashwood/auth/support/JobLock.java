package uk.co.lomashwood.auth.support;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.events.lock.RedisLocks;

import java.time.Duration;

/**
 * Auth's scheduled-job policy on top of the platform lock: {@code auth:lock:job:{name}}, so only one instance runs a
 * job at a time (spec 10 §2.7), and nothing runs when {@code JOBS_ENABLED=false}.
 */
@Component
public class JobLock {

    private static final String PREFIX = "auth:lock:job:";

    private final RedisLocks locks;
    private final boolean enabled;

    public JobLock(RedisLocks locks, AuthProperties properties) {
        this.locks = locks;
        this.enabled = properties.jobsEnabled();
    }

    /** Runs {@code job} if jobs are enabled and no other instance holds the lock; the lock expires after {@code hold}. */
    public void runExclusively(String name, Duration hold, Runnable job) {
        if (enabled) {
            locks.runExclusively(PREFIX + name, hold, job);
        }
    }
}
