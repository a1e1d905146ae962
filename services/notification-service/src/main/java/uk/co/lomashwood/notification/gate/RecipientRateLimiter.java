package uk.co.lomashwood.notification.gate;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Per-recipient limits of spec 40 §1.4.5: email 10 and push 20 per rolling hour (sliding window in a sorted
 * set), SMS 5 per calendar day in Europe/London. {@link #tryAcquire} answers when a slot frees if it is full.
 */
@Component
public class RecipientRateLimiter {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    // returns -1 when a slot was taken, else the score (epoch ms) of the oldest entry in the window
    private static final RedisScript<Long> SLIDING = RedisScript.of("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
              redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return -1
            end
            return tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])""", Long.class);

    private final StringRedisTemplate redis;
    private final Clock clock;

    public RecipientRateLimiter(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** @return empty when the send may go now, else the moment a slot frees */
    public Optional<Instant> tryAcquire(Channel channel, String recipientKey) {
        Instant now = clock.instant();
        if (channel == Channel.SMS) {
            LocalDate today = LocalDate.ofInstant(now, LONDON);
            String key = "notification:rl:SMS:" + recipientKey + ":" + today;
            Long count = redis.opsForValue().increment(key);
            redis.expire(key, Duration.ofDays(2));
            return count != null && count <= 5 ? Optional.empty()
                    : Optional.of(today.plusDays(1).atStartOfDay(LONDON).toInstant());
        }
        long window = Duration.ofHours(1).toMillis();
        int limit = channel == Channel.EMAIL ? 10 : 20;
        Long oldest = redis.execute(SLIDING, List.of("notification:rl:" + channel + ":" + recipientKey + ":1h"),
                Long.toString(now.toEpochMilli()), Long.toString(window), Integer.toString(limit),
                Uuids.v7().toString());
        return oldest == null || oldest < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest + window));
    }
}
