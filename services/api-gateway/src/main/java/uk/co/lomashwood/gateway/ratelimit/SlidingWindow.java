package uk.co.lomashwood.gateway.ratelimit;

import java.time.Duration;

/** A sliding-window log: counts hits in the last {@code window} and admits one if fewer than {@code limit}. */
public interface SlidingWindow {

    WindowDecision hit(String key, int limit, Duration window, long nowMillis);
}
