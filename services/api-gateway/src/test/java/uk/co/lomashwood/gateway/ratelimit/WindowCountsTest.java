package uk.co.lomashwood.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.co.lomashwood.gateway.support.GatewayTest;

/**
 * The bucketed window of the leased policies against real Redis, on a clock the test chooses: never more than the
 * limit in any window, a hit forgotten at most a sixtieth of the window late, and a key that stays small.
 */
class WindowCountsTest extends GatewayTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** 10.5 s into a minute: the bucket of this instant ends 500 ms later. */
    private static final long T0 = 1_800_000_010_500L;

    @Autowired
    private RedisSlidingWindow windows;

    @Test
    void hitsCountUntilTheirBucketHasLeftTheWindow() {
        String key = "gateway:ratelimit:test:" + System.nanoTime();
        RedisSlidingWindow.Claim first = windows.claimCounted(key, 3, MINUTE, T0, 2);
        assertThat(first.granted()).isEqualTo(2);
        assertThat(first.remaining()).isEqualTo(1);
        assertThat(first.resetEpochMillis()).isEqualTo(T0 + 500 + 60_000);
        assertThat(windows.claimCounted(key, 3, MINUTE, T0 + 30_000, 5).granted()).isEqualTo(1);
        assertThat(windows.claimCounted(key, 3, MINUTE, T0 + 60_499, 1).granted()).isZero();
        RedisSlidingWindow.Claim later = windows.claimCounted(key, 3, MINUTE, T0 + 60_500, 5);
        assertThat(later.granted()).as("the two hits of T0 have left; the one of T0 + 30 s has not").isEqualTo(2);
        assertThat(later.remaining()).isZero();
        assertThat(redis.opsForHash().size(key)).isEqualTo(2);
    }

    @Test
    void noWindowEverAdmitsMoreThanTheLimitAndTheKeyStaysSmall() {
        String key = "gateway:ratelimit:test:" + System.nanoTime();
        Random random = new Random(42);
        ArrayDeque<long[]> admitted = new ArrayDeque<>(); // {time, hits}, oldest first
        int limit = 50;
        long now = T0;
        long total = 0;
        for (int i = 0; i < 3_000; i++) {
            now += random.nextInt(random.nextInt(10) == 0 ? 5_000 : 300);
            int granted = windows.claimCounted(key, limit, MINUTE, now, 1 + random.nextInt(8)).granted();
            if (granted > 0) {
                admitted.addLast(new long[] {now, granted});
                total += granted;
            }
            while (admitted.peekFirst()[0] <= now - MINUTE.toMillis()) {
                admitted.pollFirst();
            }
            long inWindow = admitted.stream().mapToLong(a -> a[1]).sum();
            assertThat(inWindow).as("hits admitted in the minute up to %d", now).isLessThanOrEqualTo(limit);
        }
        assertThat(total).as("the limit is reached, not just respected").isGreaterThan(limit * 10L);
        assertThat(redis.opsForHash().size(key)).isLessThanOrEqualTo(61);
        assertThat(redis.getExpire(key)).isBetween(1L, 62L);
    }
}
