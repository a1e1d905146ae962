package uk.co.lomashwood.gateway.ratelimit;

/** Result of one sliding-window hit: allowed or not, remaining slots, and when the oldest counted hit leaves. */
public record WindowDecision(boolean allowed, int limit, int remaining, long resetEpochMillis) {

    /** Whole seconds until a slot frees, at least 1. */
    public long retryAfterSeconds(long nowMillis) {
        return Math.max(1, (long) Math.ceil((resetEpochMillis - nowMillis) / 1000.0));
    }

    public long resetEpochSeconds() {
        return (long) Math.ceil(resetEpochMillis / 1000.0);
    }

    /** The tighter of two decisions for the response headers: fewer remaining, then the smaller limit. */
    public static WindowDecision tighter(WindowDecision a, WindowDecision b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.remaining != b.remaining) {
            return a.remaining < b.remaining ? a : b;
        }
        return a.limit <= b.limit ? a : b;
    }
}
