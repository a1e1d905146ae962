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
    /** Never expires: each version bump takes its next number, so a version value is never seen twice. */
    private static final String VERSION_SEQUENCE = "product:version:seq";
    /**
     * Far longer than any load: a reader that found no version key and is still loading when a bump's version key
     * expires would find none again and store what it loaded.
     */
    private static final Duration VERSION_TTL = Duration.ofSeconds(1800);
    /** SET key value EX ttl, only while the version key still holds the value read before loading. */
    private static final RedisScript<Long> SET_IF_VERSION_UNCHANGED = RedisScript.of("""
            if (redis.call('GET', KEYS[2]) or '') ~= ARGV[3] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            return 1""", Long.class);
    /**
     * KEYS: the sequence, ARGV[2] version keys, then the entries they guard. Sets every version key to the next
     * sequence number (EX ARGV[1]) and drops the entries, in one step. A plain INCR would restart at 1 once the
     * version key expired, and could match a value a reader saw just before it expired.
     */
    private static final RedisScript<Long> BUMP_VERSIONS_AND_DELETE = RedisScript.of("""
            local stamp = redis.call('INCR', KEYS[1])
            local versions = tonumber(ARGV[2])
            for i = 2, versions + 1 do
                redis.call('SET', KEYS[i], stamp, 'EX', ARGV[1])
            end
            if #KEYS == versions + 1 then return 0 end
            return redis.call('DEL', unpack(KEYS, versions + 2))""", Long.class);
    private static final Logger log = LoggerFactory.getLogger(CatalogueCache.class);

    private final StringRedisTemplate redis;
    private final boolean enabled;
    private final EarlyRefresh earlyRefresh;

    public CatalogueCache(StringRedisTemplate redis, @Value("${lomash.product.cache-enabled:true}") boolean enabled,
                          EarlyRefresh earlyRefresh) {
        this.redis = redis;
        this.enabled = enabled;
        this.earlyRefresh = earlyRefresh;
    }

    /** {@code product:{kind}:g{gen}:{key}}: a list-type key of the current generation. */
    public String listKey(String kind, String key) {
        return "product:" + kind + ":g" + generation() + ":" + key;
    }

    private String detailKey(Object productId) {
        return "product:detail:" + productId;
    }

    private String detailVersionKey(Object productId) {
        return "product:detail:" + productId + ":version";
    }

    private String slugKey(String slug) {
        return "product:detail:slug:" + slug;
    }

    private String slugVersionKey(String slug) {
        return "product:detail:slug:" + slug + ":version";
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
        return getOrLoadVersioned(pricingKey(productId, variantId), pricingVersionKey(productId), PRICING_TTL, loader);
    }

    /**
     * {@code product:detail:{productId}}: the public detail response of a published product, guarded by
     * {@code product:detail:{productId}:version} like the price inputs ({@link #detailChanged}).
     */
    public String detailOrLoad(Object productId, Supplier<String> loader) {
        return getOrLoadVersioned(detailKey(productId), detailVersionKey(productId), DETAIL_TTL, loader);
    }

    /**
     * {@code product:detail:slug:{slug}}: the id of the live product with that slug, or "" when there is none.
     * Its version key is the slug's own ({@code product:detail:slug:{slug}:version}), not the product's: the lookup
     * does not know the product before it loads, and the answer changes only when a product takes or leaves the slug
     * (create, rename, delete), whose writes name that slug. So a lookup that ran before a rename or create committed
     * is not stored after it, and a renamed slug never leads to its old product longer than the spec's "slug change"
     * invalidation; the product's other changes reach the slug route through the id's own versioned detail.
     */
    public String productIdOfSlugOrLoad(String slug, Supplier<String> loader) {
        return getOrLoadVersioned(slugKey(slug), slugVersionKey(slug), DETAIL_TTL, loader);
    }

    /**
     * A read-through whose fill is stored only if the version key still holds what it held before the load, i.e. no
     * invalidation ({@link #bumpVersionsAndDelete}) ran since the entry was found missing. A reader that loaded just
     * before a write committed would otherwise store the old value after the write's after-commit invalidation, and
     * it would be served for the whole TTL. An early refresh of a hit ({@link EarlyRefresh}) is guarded the same way.
     */
    private String getOrLoadVersioned(String key, String versionKey, Duration ttl, Supplier<String> loader) {
        if (!enabled) {
            return loader.get();
        }
        List<String> cached;
        try {
            cached = redis.opsForValue().multiGet(List.of(key, versionKey));
        } catch (RuntimeException e) {
            log.debug("cache read failed for {}: {}", key, e.getMessage());
            return loader.get();
        }
        if (cached != null && cached.get(0) != null) {
            if (earlyRefresh.sampled()) {
                String version = cached.get(1);
                earlyRefresh.refreshIfNearExpiry(key, ttl,
                        () -> storeIfVersionUnchanged(key, versionKey, version, ttl, loader.get()));
            }
            return cached.get(0);
        }
        String version = cached == null ? null : cached.get(1);
        String value = loader.get();
        try {
            storeIfVersionUnchanged(key, versionKey, version, ttl, value);
        } catch (RuntimeException e) {
            log.warn("cache write failed for {}: {}", key, e.getMessage());
        }
        return value;
    }

    /** {@code version}: what {@code versionKey} held before {@code value} was loaded (null: it did not exist). */
    private void storeIfVersionUnchanged(String key, String versionKey, String version, Duration ttl, String value) {
        redis.execute(SET_IF_VERSION_UNCHANGED, List.of(key, versionKey), value, String.valueOf(ttl.toSeconds()),
                version == null ? "" : version);
    }

    public String getOrLoad(String key, Duration ttl, Supplier<String> loader) {
        if (!enabled) {
            return loader.get();
        }
        Optional<String> cached = read(key);
        if (cached.isPresent()) {
            // SET XX: an invalidation that deleted the entry while the refresh loaded is not undone
            if (earlyRefresh.sampled()) {
                earlyRefresh.refreshIfNearExpiry(key, ttl, () -> redis.opsForValue().setIfPresent(key, loader.get(), ttl));
            }
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

    /** Any catalogue write, after commit: list generation bump plus the product's detail ({@link #detailChanged}). */
    public void productChanged(Object productId, String... slugs) {
        bumpGeneration();
        detailChanged(productId, slugs);
    }

    /**
     * After commit: the product's cached detail and the slug lookups of {@code slugs} (the ones it took or left) go,
     * and their versions move on, so a detail or lookup loaded before the commit is not stored after it.
     */
    private void detailChanged(Object productId, String... slugs) {
        List<String> versions = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        versions.add(detailVersionKey(productId));
        entries.add(detailKey(productId));
        for (String slug : slugs) {
            if (slug != null) {
                versions.add(slugVersionKey(slug));
                entries.add(slugKey(slug));
            }
        }
        bumpVersionsAndDelete(versions, entries, "the detail of " + productId);
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
     * and so does its detail, which shows those prices; both versions move on in the same step, so neither a price
     * ({@link #pricingOrLoad}) nor a detail loaded before the commit is stored after it.
     */
    public void pricingChanged(Object productId, Collection<?> variantIds) {
        List<String> entries = new ArrayList<>();
        entries.add(pricingKey(productId, null));
        variantIds.forEach(variant -> entries.add(pricingKey(productId, variant)));
        entries.add(detailKey(productId));
        bumpVersionsAndDelete(List.of(pricingVersionKey(productId), detailVersionKey(productId)), entries,
                "the prices of " + productId);
    }

    private void bumpVersionsAndDelete(List<String> versionKeys, List<String> entries, String what) {
        List<String> keys = new ArrayList<>();
        keys.add(VERSION_SEQUENCE);
        keys.addAll(versionKeys);
        keys.addAll(entries);
        try {
            redis.execute(BUMP_VERSIONS_AND_DELETE, keys, String.valueOf(VERSION_TTL.toSeconds()),
                    String.valueOf(versionKeys.size()));
        } catch (RuntimeException e) {
            log.warn("cache invalidation of {} failed: {}", what, e.getMessage());
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
