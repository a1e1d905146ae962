package uk.co.lomashwood.auth.user;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * {@code auth:lockout:{userId}}: the lock state mirrored for operators and other replicas
 * (spec 10 §2.8). The row on {@code users} stays the source of truth.
 */
@Component
public class LockoutMirror {

    private static final String PREFIX = "auth:lockout:";
    private static final Duration UNTIL_UNLOCKED = Duration.ofDays(30);

    private final StringRedisTemplate redis;
    private final Clock clock;

    public LockoutMirror(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public void mirror(User user) {
        if (!user.isLocked(clock)) {
            clear(user.id());
            return;
        }
        var until = user.lockout().lockedUntil();
        Duration ttl = until == null ? UNTIL_UNLOCKED : Duration.between(clock.instant(), until);
        redis.opsForValue().set(PREFIX + user.id(), until == null ? User.ADMIN_LOCK : until.toString(), ttl);
    }

    public void clear(UUID userId) {
        redis.delete(PREFIX + userId);
    }
}
