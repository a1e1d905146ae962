package uk.co.lomashwood.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Sliding-window log in a Redis sorted set (one member per admitted hit, scored by its time), evaluated atomically by a
 * Lua script: drop hits older than the window, count, admit if under the limit. The key expires with the window
 * (spec 00 §5.4: {@code gateway:ratelimit:{policy}:{subject}}, TTL = window). Redis errors propagate to the caller.
 */
@Component
public class RedisSlidingWindow implements SlidingWindow {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = new DefaultRedisScript<>("""
            local key = KEYS[1]
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local limit = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
            local count = redis.call('ZCARD', key)
            local allowed = 0
            if count < limit then
              redis.call('ZADD', key, now, ARGV[4])
              count = count + 1
              allowed = 1
            end
            redis.call('PEXPIRE', key, window)
            local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
            local reset = now + window
            if oldest[2] then reset = tonumber(oldest[2]) + window end
            return {allowed, limit - count, reset}
            """, List.class);

    /** Members must be unique per hit: this gateway instance plus a counter (no SecureRandom UUID per request). */
    private static final String INSTANCE = UUID.randomUUID().toString().substring(0, 13);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final StringRedisTemplate redis;

    public RedisSlidingWindow(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public WindowDecision hit(String key, int limit, Duration window, long nowMillis) {
        @SuppressWarnings("unchecked")
        List<Long> result = redis.execute(SCRIPT, List.of(key), Long.toString(nowMillis),
                Long.toString(window.toMillis()), Integer.toString(limit), nowMillis + "-" + INSTANCE + "-"
                        + SEQUENCE.incrementAndGet());
        if (result == null || result.size() != 3) {
            throw new IllegalStateException("Unexpected rate-limit script result " + result);
        }
        return new WindowDecision(result.get(0) == 1L, limit, (int) Math.max(0, result.get(1)), result.get(2));
    }
}
