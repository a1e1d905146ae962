package uk.co.lomashwood.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * The per-task fallback window used while Redis is unreachable by the credential policies (spec 10 §1.6): the same
 * sliding-window log, in this gateway instance's memory. Idle keys are swept so the map stays bounded.
 */
@Component
public class InMemorySlidingWindow implements SlidingWindow {

    private record Log(Deque<Long> hits, long window) {
    }

    private final Map<String, Log> logs = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public WindowDecision hit(String key, int limit, Duration window, long nowMillis) {
        if (calls.incrementAndGet() % 1000 == 0) {
            sweep(nowMillis);
        }
        Log log = logs.computeIfAbsent(key, k -> new Log(new ArrayDeque<>(), window.toMillis()));
        synchronized (log) {
            Deque<Long> hits = log.hits();
            while (!hits.isEmpty() && hits.peekFirst() <= nowMillis - window.toMillis()) {
                hits.pollFirst();
            }
            boolean allowed = hits.size() < limit;
            if (allowed) {
                hits.addLast(nowMillis);
            }
            long reset = hits.isEmpty() ? nowMillis + window.toMillis() : hits.peekFirst() + window.toMillis();
            return new WindowDecision(allowed, limit, limit - hits.size(), reset);
        }
    }

    private void sweep(long nowMillis) {
        logs.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Long last = e.getValue().hits().peekLast();
                return last == null || last <= nowMillis - e.getValue().window();
            }
        });
    }
}
