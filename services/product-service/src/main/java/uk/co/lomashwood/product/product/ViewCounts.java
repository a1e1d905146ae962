package uk.co.lomashwood.product.product;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Detail views counted in a Redis hash and moved to {@code products.view_count} every 60 s (view-count-flush,
 * spec 20 §1.6). The hash is renamed before it is read, so views counted during a flush land in the next one;
 * Redis trouble only loses views, never a read.
 */
@Component
class ViewCounts implements SmartLifecycle {

    static final String KEY = "product:views";
    private static final Logger log = LoggerFactory.getLogger(ViewCounts.class);

    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;
    private final long periodSeconds;
    private ScheduledExecutorService scheduler;

    ViewCounts(StringRedisTemplate redis, JdbcClient jdbc,
               @Value("${lomash.product.view-flush-seconds:60}") long periodSeconds) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.periodSeconds = periodSeconds;
    }

    void viewed(UUID productId) {
        try {
            redis.opsForHash().increment(KEY, productId.toString(), 1);
        } catch (RuntimeException e) {
            log.debug("view not counted: {}", e.getMessage());
        }
    }

    void flush() {
        String batch = KEY + ":flushing:" + UUID.randomUUID();
        try {
            if (!Boolean.TRUE.equals(redis.renameIfAbsent(KEY, batch))) {
                return;
            }
        } catch (RuntimeException e) {
            // no pending views (the key does not exist) or Redis unavailable
            return;
        }
        Map<Object, Object> counts = redis.opsForHash().entries(batch);
        counts.forEach((id, n) -> jdbc.sql("UPDATE products SET view_count = view_count + ? WHERE id = ?")
                .params(Integer.parseInt(n.toString()), UUID.fromString(id.toString())).update());
        redis.delete(batch);
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("view-count-flush").factory());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                flush();
            } catch (RuntimeException e) {
                log.warn("view count flush failed: {}", e.getMessage());
            }
        }, periodSeconds, periodSeconds, TimeUnit.SECONDS);
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
