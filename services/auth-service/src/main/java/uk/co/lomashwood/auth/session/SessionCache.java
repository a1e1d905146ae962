package uk.co.lomashwood.auth.session;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.auth.user.User;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code auth:session:{sessionId}} = {@code {userId, role, status, createdAt}}, TTL = time to the
 * session's expiry (spec 10 §2.8). Deleting the key revokes the session at the gateway's next check.
 */
@Component
public class SessionCache {

    private static final String PREFIX = "auth:session:";

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Clock clock;

    public SessionCache(StringRedisTemplate redis, ObjectMapper json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    public void put(Session session, User user) {
        Duration ttl = Duration.between(clock.instant(), session.expiresAt());
        if (ttl.isNegative() || ttl.isZero()) {
            evict(session.id());
            return;
        }
        CachedSession value = new CachedSession(user.id(), user.role().name(), user.status().name(),
                session.createdAt().getEpochSecond());
        redis.opsForValue().set(PREFIX + session.id(), json.writeValueAsString(value), ttl);
    }

    public Optional<CachedSession> get(UUID sessionId) {
        String value = redis.opsForValue().get(PREFIX + sessionId);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(value, CachedSession.class));
        } catch (JacksonException e) {
            evict(sessionId);
            return Optional.empty();
        }
    }

    public void evict(UUID sessionId) {
        redis.delete(PREFIX + sessionId);
    }

    public void evictAll(Collection<UUID> sessionIds) {
        if (!sessionIds.isEmpty()) {
            redis.delete(sessionIds.stream().map(id -> PREFIX + id).toList());
        }
    }
}
