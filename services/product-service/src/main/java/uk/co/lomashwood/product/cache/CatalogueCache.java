package uk.co.lomashwood.product.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Redis cache of spec 20 §1.7 (DB 1, keys prefixed {@code product:}). List-type keys embed a generation
 * number; a catalogue write bumps it, orphaning every list entry at once. Redis being down never fails a
 * read or a write: reads fall through to PostgreSQL and failed invalidations are logged.
 */
@Component
public class CatalogueCache {

    public static final Duration LIST_TTL = Duration.ofSeconds(300);
    public static final Duration DETAIL_TTL = Duration.ofSeconds(300);
    public static final Duration FEATURED_TTL = Duration.ofSeconds(1800);
    public static final Duration FILTERS_TTL = Duration.ofSeconds(3600);
    public static final Duration TAXONOMY_TTL = Duration.ofSeconds(7200);
    public static final Duration PRICING_TTL = Duration.ofSeconds(1800);
    private static final String GENERATION = "product:list:gen";
    private static final Logger log = LoggerFactory.getLogger(CatalogueCache.class);

    private final StringRedisTemplate redis;
    private final boolean enabled;

    public CatalogueCache(StringRedisTemplate redis, @Value("${lomash.product.cache-enabled:true}") boolean enabled) {
        this.redis = redis;
        this.enabled = enabled;
    }

    /** {@code product:{kind}:g{gen}:{key}}: a list-type key of the current generation. */
    public String listKey(String kind, String key) {
        return "product:" + kind + ":g" + generation() + ":" + key;
    }

    public String detailKey(Object id) {
        return "product:detail:" + id;
    }

    /** {@code product:pricing:{productId}:{variantId or base}}: the inputs of one effective price. */
    public String pricingKey(Object productId, Object variantId) {
        return "product:pricing:" + productId + ":" + (variantId == null ? "base" : variantId);
    }

    public String getOrLoad(String key, Duration ttl, Supplier<String> loader) {
        if (!enabled) {
            return loader.get();
        }
        Optional<String> cached = read(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        String value = loader.get();
        try {
            redis.opsForValue().set(key, value, ttl);
        } catch (RuntimeException e) {
            log.warn("cache write failed for {}: {}", key, e.getMessage());
        }
        return value;
    }

    /** Any catalogue write: list generation bump plus the product's own detail keys. */
    public void productChanged(Object productId, String... slugs) {
        bumpGeneration();
        delete(detailKey(productId));
        for (String slug : slugs) {
            if (slug != null) {
                delete("product:detail:slug:" + slug);
            }
        }
    }

    /** A taxonomy write (categories, colours, ranges) also changes cards and filter options; SCAN, never KEYS. */
    public void taxonomyChanged(String taxonomy) {
        bumpGeneration();
        List<String> keys = new ArrayList<>();
        ScanOptions match = ScanOptions.scanOptions().match("product:" + taxonomy + ":*").count(500).build();
        try (Cursor<String> cursor = redis.scan(match)) {
            cursor.forEachRemaining(keys::add);
            if (!keys.isEmpty()) {
                redis.delete(keys);
            }
        } catch (RuntimeException e) {
            log.warn("cache invalidation of {} failed: {}", taxonomy, e.getMessage());
        }
    }

    public void bumpGeneration() {
        try {
            redis.opsForValue().increment(GENERATION);
        } catch (RuntimeException e) {
            log.warn("list cache generation bump failed: {}", e.getMessage());
        }
    }

    /** A pricing or sale write: the price inputs of the product itself and of each of its variants. */
    public void pricingChanged(Object productId, Collection<?> variantIds) {
        List<String> keys = new ArrayList<>();
        keys.add(pricingKey(productId, null));
        variantIds.forEach(variant -> keys.add(pricingKey(productId, variant)));
        try {
            redis.delete(keys);
        } catch (RuntimeException e) {
            log.warn("cache invalidation of the prices of {} failed: {}", productId, e.getMessage());
        }
    }

    public void delete(String key) {
        try {
            redis.delete(key);
        } catch (RuntimeException e) {
            log.warn("cache invalidation of {} failed: {}", key, e.getMessage());
        }
    }

    private long generation() {
        if (!enabled) {
            return 0;
        }
        try {
            String value = redis.opsForValue().get(GENERATION);
            return value == null ? 0 : Long.parseLong(value);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private Optional<String> read(String key) {
        try {
            return Optional.ofNullable(redis.opsForValue().get(key));
        } catch (RuntimeException e) {
            log.debug("cache read failed for {}: {}", key, e.getMessage());
            return Optional.empty();
        }
    }
}
