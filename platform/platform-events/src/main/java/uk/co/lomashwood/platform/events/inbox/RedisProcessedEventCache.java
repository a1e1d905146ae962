package uk.co.lomashwood.platform.events.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.UUID;

/** Keys {@code {prefix}:processed:{eventId}} with a TTL (24 h by default). */
public class RedisProcessedEventCache implements ProcessedEventCache {

    private static final Logger log = LoggerFactory.getLogger(RedisProcessedEventCache.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final Duration ttl;

    public RedisProcessedEventCache(StringRedisTemplate redis, String keyPrefix, Duration ttl) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
    }

    public String key(UUID eventId) {
        return keyPrefix + ":processed:" + eventId;
    }

    @Override
    public boolean isProcessed(UUID eventId) {
        try {
            return Boolean.TRUE.equals(redis.hasKey(key(eventId)));
        } catch (RuntimeException e) {
            log.debug("Processed-event cache unavailable", e);
            return false;
        }
    }

    @Override
    public void markProcessed(UUID eventId) {
        try {
            redis.opsForValue().set(key(eventId), "1", ttl);
        } catch (RuntimeException e) {
            log.debug("Processed-event cache unavailable", e);
        }
    }
}
