package uk.co.lomashwood.product.product;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.product.job.JobLock;
import uk.co.lomashwood.product.job.PeriodicJob;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Detail views counted in a Redis hash and moved to {@code products.view_count} every 60 s (view-count-flush,
 * spec 20 §1.6). The hash is renamed before it is read, so views counted during a flush land in the next one;
 * Redis trouble only loses views, never a read.
 */
@Component
class ViewCounts extends PeriodicJob {

    static final String KEY = "product:views";
    private static final Logger log = LoggerFactory.getLogger(ViewCounts.class);

    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;

    ViewCounts(StringRedisTemplate redis, JdbcClient jdbc, JobLock lock,
               @Value("${lomash.product.view-flush-seconds:60}") long periodSeconds) {
        super("view-count-flush", periodSeconds, Duration.ofSeconds(30), lock);
        this.redis = redis;
        this.jdbc = jdbc;
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
    protected void runOnce() {
        flush();
    }
}
