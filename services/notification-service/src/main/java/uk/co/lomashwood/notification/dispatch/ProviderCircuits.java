package uk.co.lomashwood.notification.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spec 40 §1.4.4 step 9 (ours), per instance: 5 consecutive retryable failures mark a provider DEGRADED for 60 s, during
 * which it is skipped; after that one probe request decides (success closes the circuit, failure re-opens it).
 */
@Component
public class ProviderCircuits {

    static final int THRESHOLD = 5;
    static final Duration OPEN_FOR = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(ProviderCircuits.class);

    private record State(int failures, Instant openUntil, boolean probing) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;

    ProviderCircuits(Clock clock) {
        this.clock = clock;
    }

    /** @return true when the provider may be called now (closed, or the single probe after the open period) */
    boolean allows(String provider) {
        Instant now = clock.instant();
        boolean[] allowed = {true};
        states.compute(provider, (name, state) -> {
            if (state == null || state.openUntil() == null) {
                return state;
            }
            if (state.openUntil().isAfter(now) || state.probing()) {
                allowed[0] = false;
                return state;
            }
            return new State(state.failures(), state.openUntil(), true);
        });
        return allowed[0];
    }

    /** What health reads show: consecutive failures and whether the provider is skipped now. */
    public record Health(int consecutiveFailures, boolean degraded, Instant degradedUntil) {
    }

    public Health health(String provider) {
        State state = states.get(provider);
        if (state == null) {
            return new Health(0, false, null);
        }
        boolean open = state.openUntil() != null && state.openUntil().isAfter(clock.instant());
        return new Health(state.failures(), open, open ? state.openUntil() : null);
    }

    void succeeded(String provider) {
        State before = states.remove(provider);
        if (before != null && before.openUntil() != null) {
            log.info("Provider {} is healthy again; circuit closed", provider);
        }
    }

    void failed(String provider) {
        states.compute(provider, (name, state) -> {
            int failures = (state == null ? 0 : state.failures()) + 1;
            boolean open = failures >= THRESHOLD || (state != null && state.probing());
            if (open && (state == null || state.openUntil() == null || state.probing())) {
                log.warn("Provider {} DEGRADED after {} consecutive failures; skipped for {}", provider, failures, OPEN_FOR);
            }
            return new State(failures, open ? clock.instant().plus(OPEN_FOR) : null, false);
        });
    }
}
