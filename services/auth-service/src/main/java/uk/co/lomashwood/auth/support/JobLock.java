package uk.co.lomashwood.auth.support;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/**
 * {@code auth:lock:job:{name}}: only one instance runs a scheduled job at a time (spec 10 §2.7), and
 * nothing runs when {@code JOBS_ENABLED=false}.
 */
@Component
public class JobLock {

    private static final String PREFIX = "auth:lock:job:";

    private final StringRedisTemplate redis;
    private final boolean enabled;

    public JobLock(StringRedisTemplate redis, AuthProperties properties) {
        this.redis = redis;
        this.enabled = properties.jobsEnabled();
    }

    /** Runs {@code job} if jobs are enabled and no other instance holds the lock; the lock expires after {@code hold}. */
    public void runExclusively(String name, Duration hold, Runnable job) {
        if (!enabled) {
            return;
        }
        String owner = UUID.randomUUID().toString();
        String key = PREFIX + name;
        if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, owner, hold))) {
            return;
        }
        try {
            job.run();
        } finally {
            if (owner.equals(redis.opsForValue().get(key))) {
                redis.delete(key);
            }
        }
    }
}
