package uk.co.lomashwood.appointment.slot;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.events.lock.RedisLocks;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotLocksTest {

    @Test
    void withRedisDownTheBookingStillRunsOnDatabaseLocksAlone() {
        LettuceConnectionFactory dead = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(200)).build());
        dead.afterPropertiesSet();
        try {
            SlotLocks locks = new SlotLocks(new RedisLocks(new StringRedisTemplate(dead)));
            assertThat(locks.withLock(UUID.randomUUID(), () -> true, () -> "booked")).isEqualTo("booked");
        } finally {
            dead.destroy();
        }
    }

    @Test
    void aSlotAlreadyTakenIsRefusedBeforeAnyLockIsTried() {
        SlotLocks locks = new SlotLocks(new RedisLocks(new StringRedisTemplate()));
        assertThatThrownBy(() -> locks.withLock(UUID.randomUUID(), () -> false, () -> "never"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SLOT_UNAVAILABLE));
    }
}
