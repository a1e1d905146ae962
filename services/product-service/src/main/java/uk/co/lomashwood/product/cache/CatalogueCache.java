package uk.co.lomashwood.product.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
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
    /** SET key value EX ttl, only while the version key still holds the value read before loading. */
    private static final RedisScript<Long> SET_IF_VERSION_UNCHANGED = RedisScript.of("""
            if (redis.call('GET', KEYS[2]) or '') ~= ARGV[3] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            return 1""", Long.class);
    /** Bumps the version key (expiring with the entries it guards) and drops the entries, in one step. */
    private static final RedisScript<Long> BUMP_VERSION_AND_DELETE = RedisScript.of("""
            redis.call('INCR', KEYS[1])
            redis.call('EXPIRE', KEYS[1], ARGV[1])
            return redis.call('DEL', unpack(KEYS, 2))""", Long.class);
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

    private String slugKey(String slug) {
        return "product:detail:slug:" + slug;
    }

    /** {@code product:pricing:{productId}:{variantId or base}}: the inputs of one effective price. */
    public String pricingKey(Object productId, Object variantId) {
        return "product:pricing:" + productId + ":" + (variantId == null ? "base" : variantId);
    }

    /** {@code product:pricing:{productId}:version}: bumped by every invalidation of the product's price inputs. */
    private String pricingVersionKey(Object productId) {
        return "product:pricing:" + productId + ":version";
    }

    /**
     * The price inputs of one (product, variant). A miss is filled only if no pricing invalidation of the product
     * ran since the entry was found missing: a reader that loaded the inputs just before a write committed would
     * otherwise store them after the write's invalidation, and the old price would be charged for the whole TTL.
     */
    public String pricingOrLoad(Object productId, Object variantId, Supplier<String> loader) {
        if (!enabled) {
            return loader.get();
        }
        String key = pricingKey(productId, variantId);
        String versionKey = pricingVersionKey(productId);
        List<String> cached;
        try {
            cached = redis.opsForValue().multiGet(List.of(key, versionKey));
        } catch (RuntimeException e) {
            log.debug("cache read failed for {}: {}", key, e.getMessage());
            return loader.get();
        }
        if (cached != null && cached.get(0) != null) {
            return cached.get(0);
        }
        String version = cached == null || cached.get(1) == null ? "" : cached.get(1);
        String value = loader.get();
        try {
            redis.execute(SET_IF_VERSION_UNCHANGED, List.of(key, versionKey), value,
                    String.valueOf(PRICING_TTL.toSeconds()), version);
        } catch (RuntimeException e) {
            log.warn("cache write failed for {}: {}", key, e.getMessage());
        }
        return value;
    }

    /** {@code product:detail:{productId}}: the public detail response of a published product. */
    public String detailOrLoad(Object productId, Supplier<String> loader) {
        return getOrLoad(detailKey(productId), DETAIL_TTL, loader);
    }

    /** {@code product:detail:slug:{slug}}: the id of the live product with that slug, or "" when there is none. */
    public String productIdOfSlugOrLoad(String slug, Supplier<String> loader) {
        return getOrLoad(slugKey(slug), DETAIL_TTL, loader);
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
                delete(slugKey(slug));
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

    /**
     * A pricing or sale write, after commit: the price inputs of the product itself and of each of its variants go,
     * and the product's pricing version moves on, so fills loaded before the commit are not stored
     * ({@link #pricingOrLoad}).
     */
    public void pricingChanged(Object productId, Collection<?> variantIds) {
        List<String> keys = new ArrayList<>();
        keys.add(pricingVersionKey(productId));
        keys.add(pricingKey(productId, null));
        variantIds.forEach(variant -> keys.add(pricingKey(productId, variant)));
        try {
            redis.execute(BUMP_VERSION_AND_DELETE, keys, String.valueOf(PRICING_TTL.toSeconds()));
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
