package uk.co.lomashwood.order.order;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Redis locks of spec 20 §2.7: {@code order:lock:order-checkout:{userId}} (60 s) and {@code order:lock:job:{name}}. */
@Component
public class CheckoutLock {

    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", Long.class);

    private final StringRedisTemplate redis;

    public CheckoutLock(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A held lock; close to release it (only if still ours). */
    public final class Held implements AutoCloseable {
        private final String key;
        private final String token;

        Held(String key, String token) {
            this.key = key;
            this.token = token;
        }

        @Override
        public void close() {
            redis.execute(RELEASE, List.of(key), token);
        }
    }

    /** One checkout at a time per customer; a second concurrent one is 409 with Retry-After. */
    public Held checkout(UUID userId) {
        return tryLock("order:lock:order-checkout:" + userId, Duration.ofSeconds(60))
                .orElseThrow(() -> new ApiException(ErrorCode.CONFLICT, "Another checkout for this account is in progress.")
                        .retryAfter(Duration.ofSeconds(1)));
    }

    public java.util.Optional<Held> job(String name, Duration ttl) {
        return tryLock("order:lock:job:" + name, ttl);
    }

    private java.util.Optional<Held> tryLock(String key, Duration ttl) {
        String token = UUID.randomUUID().toString();
        Boolean ok = redis.opsForValue().setIfAbsent(key, token, ttl);
        return Boolean.TRUE.equals(ok) ? java.util.Optional.of(new Held(key, token)) : java.util.Optional.empty();
    }
}
