package uk.co.lomashwood.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Batches of rate-limit hits claimed ahead in the Redis window (counted per bucket,
 * {@link RedisSlidingWindow#claimCounted}), so that a busy subject does not cost a Redis round trip per request. The
 * window stays in Redis and stays exact in the direction that matters: every admitted request was counted there
 * first, so all gateway tasks together never admit more than the limit. The price is that a batch is counted when
 * claimed: hits a task claimed but did not use (at most one batch per subject and task, dropped after {@code lease})
 * count against the subject until they slide out of the window. A batch starts at one hit (a quiet subject costs one
 * round trip per request, as without leases), doubles while a lease is used up before it ends, up to a twentieth of
 * the limit (at most 64), and halves when one ends unused. Only policies without an in-memory fallback use leases: the
 * credential policies count every hit in Redis.
 */
@Component
public class PermitLeases {

    private static final int MAX_BATCH = 64;

    private static final class Lease {
        final AtomicInteger left;
        final int limit;
        final int windowRemaining;
        final long resetEpochMillis;
        final long expiresAt;

        Lease(int left, int limit, int windowRemaining, long resetEpochMillis, long expiresAt) {
            this.left = new AtomicInteger(left);
            this.limit = limit;
            this.windowRemaining = windowRemaining;
            this.resetEpochMillis = resetEpochMillis;
            this.expiresAt = expiresAt;
        }
    }

    private static final class Subject {
        volatile Lease lease;
        int nextBatch = 1;
    }

    private final Map<String, Subject> subjects = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final long leaseMillis;

    public PermitLeases(@Value("${lomash.gateway.rate-limit.lease:1s}") Duration lease) {
        this.leaseMillis = lease.toMillis();
    }

    /**
     * A hit from this task's lease for the key, or null when it has none left (then {@link #refill} is needed). With
     * {@code inline} set, the hit can be given back to the lease.
     */
    public WindowDecision take(String key, long nowMillis, InlineHits inline) {
        Subject subject = subjects.get(key);
        Lease lease = subject == null ? null : subject.lease;
        if (lease == null || nowMillis >= lease.expiresAt) {
            return null;
        }
        int left = lease.left.getAndUpdate(n -> n > 0 ? n - 1 : n) - 1;
        if (left < 0) {
            return null;
        }
        if (inline != null) {
            inline.took(lease.left::incrementAndGet);
        }
        return new WindowDecision(true, lease.limit, Math.max(0, lease.windowRemaining + left),
                lease.resetEpochMillis);
    }

    /** Claims the next batch from the Redis window, keeps all but the hit of this request, and decides it. */
    public WindowDecision refill(String key, int limit, Duration window, long nowMillis, RedisSlidingWindow redis) {
        if (calls.incrementAndGet() % 10_000 == 0) {
            sweep(nowMillis);
        }
        Subject subject = subjects.computeIfAbsent(key, k -> new Subject());
        int batch;
        synchronized (subject) {
            Lease previous = subject.lease;
            int cap = Math.max(1, Math.min(MAX_BATCH, limit / 20));
            if (previous != null && previous.left.get() <= 0 && nowMillis < previous.expiresAt) {
                subject.nextBatch = Math.min(cap, subject.nextBatch * 2);
            } else if (previous != null && previous.left.get() > 0) {
                subject.nextBatch = Math.max(1, subject.nextBatch / 2);
            }
            batch = Math.min(cap, subject.nextBatch);
            subject.lease = null;
        }
        RedisSlidingWindow.Claim claim = redis.claimCounted(key, limit, window, nowMillis, batch);
        if (claim.granted() == 0) {
            return new WindowDecision(false, limit, 0, claim.resetEpochMillis());
        }
        long expiresAt = nowMillis + Math.min(leaseMillis, window.toMillis());
        subject.lease = new Lease(claim.granted() - 1, limit, claim.remaining(), claim.resetEpochMillis(), expiresAt);
        return new WindowDecision(true, limit, claim.remaining() + claim.granted() - 1, claim.resetEpochMillis());
    }

    /** Forgets every lease (operations, and tests that flush Redis). */
    public void clear() {
        subjects.clear();
    }

    private void sweep(long nowMillis) {
        subjects.values().removeIf(s -> {
            Lease lease = s.lease;
            return lease == null || nowMillis >= lease.expiresAt + 60_000;
        });
    }
}
