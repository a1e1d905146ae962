package uk.co.lomashwood.product.cache;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Stampede control of spec 20 §1.7 (platform §5.5): a hit on an entry with under a tenth of its TTL left refreshes it
 * in the background with the configured probability, so a hot entry is reloaded by one request before it expires
 * instead of by every request that finds it gone. The reader is served the cached value either way; the other hits
 * pay only for a random draw, and the sampled ones hand the PTTL check itself to a virtual thread.
 */
@Component
public class EarlyRefresh implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EarlyRefresh.class);

    private final StringRedisTemplate redis;
    private final double probability;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("cache-refresh-", 0).factory());

    public EarlyRefresh(StringRedisTemplate redis,
                        @Value("${lomash.product.cache.refresh-probability:0.05}") double probability) {
        this.redis = redis;
        this.probability = probability;
    }

    /** Whether this hit is one of the sampled ones: the caller builds the refresh only for those. */
    boolean sampled() {
        return ThreadLocalRandom.current().nextDouble() < probability;
    }

    /**
     * After a sampled hit on {@code key} (stored for {@code ttl}): in the background, runs {@code refresh} if the
     * entry has less than 10 % of {@code ttl} left. At most one refresh per key runs at a time; failures stay here.
     */
    void refreshIfNearExpiry(String key, Duration ttl, Runnable refresh) {
        if (!inFlight.add(key)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    if (nearExpiry(key, ttl)) {
                        refresh.run();
                    }
                } catch (RuntimeException e) {
                    log.warn("early refresh of {} failed: {}", key, e.toString());
                } finally {
                    inFlight.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(key);
        }
    }

    private boolean nearExpiry(String key, Duration ttl) {
        Long left = redis.getExpire(key, TimeUnit.MILLISECONDS);
        return left != null && left >= 0 && left < ttl.toMillis() / 10;
    }

    @PreDestroy
    @Override
    public void close() {
        executor.shutdown();
    }
}
