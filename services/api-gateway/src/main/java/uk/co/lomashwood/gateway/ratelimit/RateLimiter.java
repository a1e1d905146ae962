package uk.co.lomashwood.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import uk.co.lomashwood.gateway.pipeline.WouldBlock;

/**
 * Applies the rate-limit policies (spec 10 §1.6): IP policies before authentication (baseline, health), the route
 * policies after it (so user ids are known). Every applicable limit is hit; the tightest decision goes into the
 * response headers and the first refusal becomes a 429. Redis failures switch the limiter to its fallback for a short
 * back-off: fail open, except the credential policies, which use an in-memory window with the same numbers. The other
 * policies take their hits from {@link PermitLeases}, so a busy subject rarely costs a Redis round trip.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final String PREFIX = "gateway:ratelimit:";

    private final List<RateLimitPolicy> policies;
    private final int multiplier;
    private final boolean enabled;
    private final long redisBackoffMillis;
    private final RedisSlidingWindow redis;
    private final SlidingWindow memory;
    private final PermitLeases leases;
    private final Clock clock;
    private final AtomicLong redisDownUntil = new AtomicLong();

    public RateLimiter(RateLimitProperties properties, RedisSlidingWindow redis, InMemorySlidingWindow memory,
            PermitLeases leases, Clock gatewayClock) {
        this.policies = properties.policies().entrySet().stream()
                .map(e -> RateLimitPolicy.of(e.getKey(), e.getValue())).toList();
        this.multiplier = properties.multiplier();
        this.enabled = properties.enabled();
        this.redisBackoffMillis = properties.redisBackoff().toMillis();
        this.redis = redis;
        this.memory = memory;
        this.leases = leases;
        this.clock = gatewayClock;
    }

    /**
     * Hits the policies of this stage; returns the tightest decision (null if none applied) or throws 429. With
     * {@code inline} set (on an event loop) it decides only from leased hits, records them there, and throws
     * {@link WouldBlock} when Redis would have to be asked; with {@code inline} null it may wait for Redis.
     */
    public WindowDecision check(boolean beforeAuth, RateLimitRequest request, InlineHits inline) {
        boolean mayWait = inline == null;
        if (!enabled) {
            return null;
        }
        WindowDecision tightest = null;
        for (RateLimitPolicy policy : policies) {
            if (policy.beforeAuth() != beforeAuth || !policy.applies(request)) {
                continue;
            }
            if (!mayWait && !policy.leased()) {
                throw WouldBlock.INSTANCE;
            }
            for (RateLimitPolicy.Limit limit : policy.limits()) {
                WindowDecision decision = hit(policy, limit, request, inline);
                if (decision == null) {
                    continue;
                }
                if (!decision.allowed()) {
                    throw new RateLimitExceededException(decision, decision.retryAfterSeconds(clock.millis()));
                }
                tightest = WindowDecision.tighter(tightest, decision);
            }
        }
        return tightest;
    }

    private WindowDecision hit(RateLimitPolicy policy, RateLimitPolicy.Limit limit, RateLimitRequest request,
            InlineHits inline) {
        String key = PREFIX + policy.name() + ":" + subject(limit.subject(), request);
        int count = limit.count() * multiplier;
        long now = clock.millis();
        if (now >= redisDownUntil.get()) {
            if (policy.leased()) {
                WindowDecision leased = leases.take(key, now, inline);
                if (leased != null) {
                    return leased;
                }
            }
            if (inline != null) {
                throw WouldBlock.INSTANCE;
            }
            try {
                return policy.leased() ? leases.refill(key, count, limit.window(), now, redis)
                        : redis.hit(key, count, limit.window(), now);
            } catch (DataAccessException | IllegalStateException e) {
                if (redisDownUntil.getAndSet(now + redisBackoffMillis) < now) {
                    log.warn("Rate-limit store unreachable ({}); failing open except credential policies",
                            e.getClass().getSimpleName());
                }
            }
        }
        return policy.memoryFallback() ? memory.hit(key, count, limit.window(), now) : null;
    }

    private static String subject(RateLimitPolicy.Subject kind, RateLimitRequest request) {
        String value = switch (kind) {
            case IP -> null;
            case USER -> request.userId() == null ? null : "user:" + request.userId();
            case SESSION -> {
                String session = request.session().get();
                yield session == null ? null : "session:" + session;
            }
            case EMAIL -> {
                String email = request.email().get();
                yield email == null ? null : "email:" + hash(email.trim().toLowerCase(java.util.Locale.ROOT));
            }
        };
        return value != null ? value : "ip:" + request.ip();
    }

    /** Emails never appear in Redis keys (spec 00 §3.14): a truncated SHA-256 stands in for them. */
    private static String hash(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
