package uk.co.lomashwood.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;

/**
 * Sliding-window log in a Redis sorted set (one member per admitted hit, scored by its time), evaluated atomically by a
 * Lua script: drop hits older than the window, count, admit up to the requested number of hits while under the limit
 * (one for a single request, a batch for {@link PermitLeases}). The key expires with the window
 * (spec 00 §5.4: {@code gateway:ratelimit:{policy}:{subject}}, TTL = window). Every request runs it, so it talks to
 * Lettuce directly on a connection of its own (the gateway's Redis settings, DB 8) rather than through Spring Data
 * Redis' template layers. Redis errors surface as {@link IllegalStateException} to the caller.
 */
@Component
public class RedisSlidingWindow implements SlidingWindow, DisposableBean {

    static final String SCRIPT = """
            local key = KEYS[1]
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local limit = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
            local count = redis.call('ZCARD', key)
            local granted = math.max(0, math.min(tonumber(ARGV[5]), limit - count))
            for i = 1, granted do
              redis.call('ZADD', key, now, ARGV[4] .. '-' .. i)
            end
            count = count + granted
            redis.call('PEXPIRE', key, window)
            local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
            local reset = now + window
            if oldest[2] then reset = tonumber(oldest[2]) + window end
            return {granted, limit - count, reset}
            """;

    /** Members must be unique per hit: this gateway instance plus a counter (no SecureRandom UUID per request). */
    private static final String INSTANCE = UUID.randomUUID().toString().substring(0, 13);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final LettuceConnectionFactory factory;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile String sha;

    public RedisSlidingWindow(LettuceConnectionFactory factory) {
        this.factory = factory;
    }

    /** What a claim got: hits admitted (0 = refused), slots left in the window, when the oldest hit leaves. */
    public record Claim(int granted, int remaining, long resetEpochMillis) {
    }

    @Override
    public WindowDecision hit(String key, int limit, Duration window, long nowMillis) {
        Claim claim = claim(key, limit, window, nowMillis, 1);
        return new WindowDecision(claim.granted() == 1, limit, claim.remaining(), claim.resetEpochMillis());
    }

    /** Admits up to {@code hits} hits at once (fewer when the window has less room). */
    public Claim claim(String key, int limit, Duration window, long nowMillis, int hits) {
        String[] keys = {key};
        String[] args = {Long.toString(nowMillis), Long.toString(window.toMillis()), Integer.toString(limit),
            nowMillis + "-" + INSTANCE + "-" + SEQUENCE.incrementAndGet(), Integer.toString(hits)};
        try {
            RedisCommands<String, String> redis = commands();
            List<Object> result;
            try {
                result = redis.evalsha(sha(redis), ScriptOutputType.MULTI, keys, args);
            } catch (RedisNoScriptException e) {
                sha = null; // Redis restarted or was flushed: load the script again
                result = redis.evalsha(sha(redis), ScriptOutputType.MULTI, keys, args);
            }
            if (result == null || result.size() != 3) {
                throw new IllegalStateException("Unexpected rate-limit script result " + result);
            }
            return new Claim((int) (long) (Long) result.get(0), (int) Math.max(0, (Long) result.get(1)),
                    (Long) result.get(2));
        } catch (RedisException e) {
            throw new IllegalStateException("Rate-limit store failed: " + e.getMessage(), e);
        }
    }

    private String sha(RedisCommands<String, String> redis) {
        String loaded = sha;
        if (loaded == null) {
            loaded = redis.scriptLoad(SCRIPT);
            sha = loaded;
        }
        return loaded;
    }

    /** The dedicated connection, opened on first use (Redis may be down at start) and re-opened if it was closed. */
    private RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> open = connection;
        if (open == null || !open.isOpen()) {
            synchronized (this) {
                open = connection;
                if (open == null || !open.isOpen()) {
                    open = ((RedisClient) factory.getRequiredNativeClient()).connect(StringCodec.UTF8);
                    connection = open;
                }
            }
        }
        return open.sync();
    }

    @Override
    public void destroy() {
        StatefulRedisConnection<String, String> open = connection;
        if (open != null) {
            open.close();
        }
    }
}
