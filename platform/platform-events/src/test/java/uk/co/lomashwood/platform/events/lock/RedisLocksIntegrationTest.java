package uk.co.lomashwood.platform.events.lock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import uk.co.lomashwood.platform.test.EmbeddedRedisServer;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Against a real redis-server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisLocksIntegrationTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;
    private RedisLocks locks;

    @BeforeAll
    void connect() {
        connections = connect(EmbeddedRedisServer.shared().port());
        redis = new StringRedisTemplate(connections);
        locks = new RedisLocks(redis);
    }

    private static LettuceConnectionFactory connect(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    @AfterAll
    void disconnect() {
        connections.destroy();
    }

    private static String key() {
        return "test:lock:" + UUID.randomUUID();
    }

    @Test
    void aSecondAcquireIsRefusedWhileTheLockIsHeldAndSucceedsAfterRelease() {
        String key = key();
        Optional<RedisLocks.Held> first = locks.tryLock(key, TTL);
        assertThat(first).isPresent();
        assertThat(redis.opsForValue().get(key)).isEqualTo(first.get().token());
        assertThat(redis.getExpire(key)).isBetween(1L, 30L);

        assertThat(locks.tryLock(key, TTL)).isEmpty();

        first.get().close();
        assertThat(redis.hasKey(key)).isFalse();
        assertThat(locks.tryLock(key, TTL)).isPresent();
    }

    @Test
    void releaseByTheWrongTokenLeavesTheLockWithItsHolder() {
        String key = key();
        RedisLocks.Held held = locks.tryLock(key, TTL).orElseThrow();

        assertThat(locks.release(key, "not-the-owner")).isFalse();

        assertThat(redis.opsForValue().get(key)).isEqualTo(held.token());
        assertThat(locks.tryLock(key, TTL)).isEmpty();
        assertThat(locks.release(key, held.token())).isTrue();
        assertThat(redis.hasKey(key)).isFalse();
    }

    @Test
    void anExpiredLockIsFreeAgainAndTheOldHolderCannotReleaseTheNewOne() {
        String key = key();
        RedisLocks.Held crashed = locks.tryLock(key, Duration.ofMillis(200)).orElseThrow();

        await().atMost(Duration.ofSeconds(5)).until(() -> locks.tryLock(key, TTL).isPresent());
        String newToken = redis.opsForValue().get(key);

        crashed.close();
        assertThat(redis.opsForValue().get(key)).isEqualTo(newToken).isNotEqualTo(crashed.token());
    }

    @Test
    void lockWaitsForTheHolderToFinishAndGivesUpAfterTheWait() throws InterruptedException {
        String key = key();
        RedisLocks.Held held = locks.tryLock(key, TTL).orElseThrow();

        long started = System.nanoTime();
        assertThat(locks.lock(key, TTL, Duration.ofMillis(200))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        Thread releaser = Thread.ofVirtual().start(() -> {
            sleep(Duration.ofMillis(150));
            held.close();
        });
        assertThat(locks.lock(key, TTL, Duration.ofSeconds(5))).isPresent();
        releaser.join();
    }

    @Test
    void aJobRunsOnceUnderItsLockAndIsSkippedWhileAnotherInstanceHoldsIt() {
        String key = key();
        AtomicInteger runs = new AtomicInteger();

        assertThat(locks.runExclusively(key, TTL, () -> {
            runs.incrementAndGet();
            assertThat(locks.runExclusively(key, TTL, runs::incrementAndGet)).isFalse();
        })).isTrue();

        assertThat(runs).hasValue(1);
        assertThat(redis.hasKey(key)).isFalse();
    }

    @Test
    void aJobThatFailsStillReleasesItsLock() {
        String key = key();
        assertThatThrownBy(() -> locks.runExclusively(key, TTL, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(redis.hasKey(key)).isFalse();
    }

    @Test
    void withRedisGoneAJobIsSkippedInsteadOfFailing() {
        EmbeddedRedisServer gone = EmbeddedRedisServer.start(null, 0);
        gone.close();
        LettuceConnectionFactory nowhere = connect(gone.port());
        try {
            AtomicInteger runs = new AtomicInteger();
            assertThat(new RedisLocks(new StringRedisTemplate(nowhere)).runExclusively(key(), TTL, runs::incrementAndGet))
                    .isFalse();
            assertThat(runs).hasValue(0);
        } finally {
            nowhere.destroy();
        }
    }

    @Test
    void everyServiceWithRedisGetsTheBean() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                        RedisLocksAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.url=" + EmbeddedRedisServer.shared().url())
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(RedisLocks.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RedisLocksAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RedisLocks.class));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
