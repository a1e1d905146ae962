package uk.co.lomashwood.product.cache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stampede control (spec 20 §1.7): a hit on an entry with under 10 % of its TTL left is served the cached value and
 * refreshes the entry in the background. The service samples 5 % of hits; this cache samples every hit, against the
 * same Redis as the service.
 */
class EarlyRefreshTest extends ProductIntegrationTest {

    /** Under a tenth of the 300 s of lists and details. */
    private static final Duration NEAR_EXPIRY = Duration.ofSeconds(20);

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    CatalogueCache cache;

    private EarlyRefresh everyHit;
    private CatalogueCache refreshing;

    @BeforeEach
    void start() {
        everyHit = new EarlyRefresh(redis, 1.0);
        refreshing = new CatalogueCache(redis, true, everyHit);
    }

    @AfterEach
    void stop() {
        everyHit.close();
    }

    private long secondsLeft(String key) {
        return redis.getExpire(key, TimeUnit.SECONDS);
    }

    @Test
    void anEntryNearItsExpiryIsServedAsCachedAndRefreshedInTheBackground() {
        String key = cache.listKey("list", "early-" + UUID.randomUUID());
        redis.opsForValue().set(key, "cached page", NEAR_EXPIRY);

        assertThat(refreshing.getOrLoad(key, CatalogueCache.LIST_TTL, () -> "reloaded page")).isEqualTo("cached page");

        await().atMost(Duration.ofSeconds(5)).until(() -> "reloaded page".equals(redis.opsForValue().get(key)));
        assertThat(secondsLeft(key)).isBetween(290L, 300L);
    }

    @Test
    void aVersionedEntryNearItsExpiryIsRefreshedWhenNothingChanged() {
        UUID product = UUID.randomUUID();
        String key = "product:detail:" + product;
        redis.opsForValue().set(key, "cached detail", NEAR_EXPIRY);

        assertThat(refreshing.detailOrLoad(product, () -> "reloaded detail")).isEqualTo("cached detail");

        await().atMost(Duration.ofSeconds(5)).until(() -> "reloaded detail".equals(redis.opsForValue().get(key)));
        assertThat(secondsLeft(key)).isBetween(290L, 300L);
    }

    @Test
    void anEntryWithMoreThanATenthOfItsTtlLeftIsNotReloaded() {
        String key = cache.listKey("list", "early-" + UUID.randomUUID());
        redis.opsForValue().set(key, "cached page", Duration.ofSeconds(150));
        AtomicInteger loads = new AtomicInteger();

        for (int i = 0; i < 5; i++) {
            String served = refreshing.getOrLoad(key, CatalogueCache.LIST_TTL,
                    () -> "reloaded page " + loads.incrementAndGet());
            assertThat(served).isEqualTo("cached page");
        }

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> loads.get() == 0);
        assertThat(redis.opsForValue().get(key)).isEqualTo("cached page");
        assertThat(secondsLeft(key)).isBetween(140L, 150L);
    }

    /** The refresh loads the old detail, then a write commits and invalidates it before the refresh can store it. */
    @Test
    void aDetailRefreshedBeforeAnUpdateCommittedIsNotStoredAfterIt() throws Exception {
        String before = unique("Early refresh");
        UUID product = product(productBody(before, List.of(colour(before))));
        Reply first = api().get("/v1/products/" + product);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String key = "product:detail:" + product;
        String oldDetail = redis.opsForValue().get(key);
        assertThat(oldDetail).contains(before);
        redis.expire(key, NEAR_EXPIRY);
        CountDownLatch refreshed = new CountDownLatch(1);

        String served = refreshing.detailOrLoad(product, () -> {
            Reply renamed = admin().patch("/v1/products/" + product, body("title", "Renamed during refresh"));
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
            refreshed.countDown();
            return oldDetail;
        });
        assertThat(served).isEqualTo(oldDetail);
        assertThat(refreshed.await(10, TimeUnit.SECONDS)).as("the refresh ran").isTrue();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> !oldDetail.equals(redis.opsForValue().get(key)));
        Reply after = api().get("/v1/products/" + product);
        assertThat(after.data().get("title").asString()).isEqualTo("Renamed during refresh");
    }
}
