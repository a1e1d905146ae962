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
 * Sliding windows in Redis (spec 00 §3.3, §5.4: {@code gateway:ratelimit:{policy}:{subject}}), each evaluated
 * atomically by a Lua script that drops what left the window, counts, and admits up to the requested number of hits
 * while under the limit. Two layouts:
 * <ul>
 * <li>{@link #hit}: a log in a sorted set, one member per admitted hit scored by its time, exact to the millisecond;
 * the key expires with the window. For the credential policies, whose limits are a handful of hits.</li>
 * <li>{@link #claimCounted}: counts in a hash, one field per sixtieth of the window. A bucket counts until its last
 * millisecond has left the window, so no window ever admits more than the limit and a hit is forgotten at most a
 * sixtieth of the window late. A claim costs the same however many hits it admits and the key holds at most 61 fields
 * however many hits the limit allows: for the leased policies, whose batches and limits are large.</li>
 * </ul>
 * It talks to Lettuce directly on a connection of its own (the gateway's Redis settings, DB 8) rather than through
 * Spring Data Redis' template layers. Redis errors surface as {@link IllegalStateException} to the caller.
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

    /** Bucket = window / 60 (ARGV[2] ms); fields are bucket numbers. Returns {granted, remaining, reset}. */
    static final String COUNTS_SCRIPT = """
            local key = KEYS[1]
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local limit = tonumber(ARGV[3])
            local size = math.max(1, math.floor(window / 60))
            local current = math.floor(now / size)
            local fields = redis.call('HGETALL', key)
            local used = 0
            local oldest = current
            for i = 1, #fields, 2 do
              local bucket = tonumber(fields[i])
              if (bucket + 1) * size <= now - window then
                redis.call('HDEL', key, fields[i])
              else
                used = used + tonumber(fields[i + 1])
                if bucket < oldest then oldest = bucket end
              end
            end
            local granted = math.max(0, math.min(tonumber(ARGV[4]), limit - used))
            if granted > 0 then
              redis.call('HINCRBY', key, string.format('%d', current), granted)
            end
            redis.call('PEXPIRE', key, (current + 1) * size + window - now)
            local reset = now + window
            if used + granted > 0 then reset = (oldest + 1) * size + window end
            return {granted, limit - used - granted, reset}
            """;

    /** Members must be unique per hit: this gateway instance plus a counter (no SecureRandom UUID per request). */
    private static final String INSTANCE = UUID.randomUUID().toString().substring(0, 13);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final LettuceConnectionFactory factory;
    private volatile StatefulRedisConnection<String, String> connection;
    /** The SHA1 of each script once loaded, by script text. */
    private final java.util.Map<String, String> shas = new java.util.concurrent.ConcurrentHashMap<>();

    public RedisSlidingWindow(LettuceConnectionFactory factory) {
        this.factory = factory;
    }

    /** What a claim got: hits admitted (0 = refused), slots left in the window, when the oldest hit leaves. */
    public record Claim(int granted, int remaining, long resetEpochMillis) {
    }

    /** One hit in the exact log (the credential policies). */
    @Override
    public WindowDecision hit(String key, int limit, Duration window, long nowMillis) {
        Claim claim = run(SCRIPT, key, Long.toString(nowMillis), Long.toString(window.toMillis()),
                Integer.toString(limit), nowMillis + "-" + INSTANCE + "-" + SEQUENCE.incrementAndGet(), "1");
        return new WindowDecision(claim.granted() == 1, limit, claim.remaining(), claim.resetEpochMillis());
    }

    /** Admits up to {@code hits} hits at once (fewer when the window has less room), counted per bucket. */
    public Claim claimCounted(String key, int limit, Duration window, long nowMillis, int hits) {
        return run(COUNTS_SCRIPT, key, Long.toString(nowMillis), Long.toString(window.toMillis()),
                Integer.toString(limit), Integer.toString(hits));
    }

    private Claim run(String script, String key, String... args) {
        String[] keys = {key};
        try {
            RedisCommands<String, String> redis = commands();
            List<Object> result;
            try {
                result = redis.evalsha(sha(redis, script), ScriptOutputType.MULTI, keys, args);
            } catch (RedisNoScriptException e) {
                shas.clear(); // Redis restarted or was flushed: load the scripts again
                result = redis.evalsha(sha(redis, script), ScriptOutputType.MULTI, keys, args);
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

    private String sha(RedisCommands<String, String> redis, String script) {
        String loaded = shas.get(script);
        if (loaded == null) {
            loaded = redis.scriptLoad(script);
            shas.put(script, loaded);
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
