package uk.co.lomashwood.notification.dispatch;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The resulting schedules listed in spec 40 §1.4.4 step 6. */
class RetryPolicyTest {

    private static long[] seconds(RetryPolicy policy) {
        return IntStream.rangeClosed(1, policy.maxAttempts() - 1).mapToLong(n -> policy.delay(n).toMillis()).toArray();
    }

    @Test
    void defaultAndCriticalSchedulesMatchTheSpec() {
        assertThat(seconds(RetryPolicy.of(Channel.EMAIL, Priority.NORMAL))).containsExactly(5000, 10000, 20000);
        assertThat(seconds(RetryPolicy.of(Channel.EMAIL, Priority.CRITICAL))).containsExactly(2000, 5000, 8000, 11000, 14000);
        assertThat(seconds(RetryPolicy.of(Channel.SMS, Priority.HIGH))).containsExactly(3000, 6000);
        assertThat(seconds(RetryPolicy.of(Channel.SMS, Priority.CRITICAL))).containsExactly(0);
        assertThat(seconds(RetryPolicy.of(Channel.PUSH, Priority.LOW))).containsExactly(2000, 4000);
    }

    @Test
    void jitterStaysWithinTwentyPercentAndScales() {
        RetryPolicy policy = RetryPolicy.of(Channel.EMAIL, Priority.NORMAL);
        for (int i = 0; i < 200; i++) {
            assertThat(policy.jitteredDelay(2, 1.0)).isBetween(Duration.ofMillis(8000), Duration.ofMillis(12000));
            assertThat(policy.jitteredDelay(2, 0.01)).isBetween(Duration.ofMillis(80), Duration.ofMillis(120));
        }
    }
}
