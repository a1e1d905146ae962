package uk.co.lomashwood.product.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * {@code product:lock:job:{name}} (spec 20 §1.6): {@code SET NX} with an owner token and a TTL, so one instance runs a
 * job at a time; released only by its holder (compare-and-delete) and expiring on its own if the holder dies.
 */
@Component
public class JobLock {

    static final String PREFIX = "product:lock:job:";
    private static final Logger log = LoggerFactory.getLogger(JobLock.class);
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    private final StringRedisTemplate redis;

    public JobLock(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Runs {@code job} unless another instance holds the lock or Redis cannot be asked (the next run catches up). */
    public boolean runExclusively(String name, Duration ttl, Runnable job) {
        String key = PREFIX + name;
        String owner = UUID.randomUUID().toString();
        try {
            if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, owner, ttl))) {
                log.debug("job {} skipped, another instance holds its lock", name);
                return false;
            }
        } catch (DataAccessException e) {
            log.warn("job {} skipped, Redis unavailable: {}", name, e.getMessage());
            return false;
        }
        try {
            job.run();
        } finally {
            try {
                redis.execute(RELEASE, List.of(key), owner);
            } catch (DataAccessException e) {
                log.warn("lock of job {} not released, it expires on its own: {}", name, e.getMessage());
            }
        }
        return true;
    }
}
