package uk.co.lomashwood.gateway.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * One Resilience4j circuit breaker per upstream with the single platform policy (spec 00 §6.3): rolling 60 s window,
 * evaluated from 5 calls, open at ≥ 50 % failures for 30 s, then 2 half-open trial calls. The registry belongs to this
 * bean (no JVM-global state), so several gateway contexts can share a JVM.
 */
@Component
public class UpstreamBreakers {

    private static final Logger log = LoggerFactory.getLogger(UpstreamBreakers.class);

    private final CircuitBreakerRegistry registry;
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
    private final Duration openDuration;
    private final Clock clock;

    public UpstreamBreakers(ResilienceProperties properties, Clock gatewayClock) {
        this.openDuration = properties.breakerOpenDuration();
        this.clock = gatewayClock;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize((int) Math.max(1, properties.breakerWindow().toSeconds()))
                .minimumNumberOfCalls(properties.breakerMinCalls())
                .failureRateThreshold(properties.breakerFailureRate())
                .waitDurationInOpenState(properties.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(properties.breakerHalfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
    }

    public CircuitBreaker breaker(String upstream) {
        return registry.find(upstream).orElseGet(() -> create(upstream));
    }

    private synchronized CircuitBreaker create(String upstream) {
        return registry.find(upstream).orElseGet(() -> {
            CircuitBreaker breaker = registry.circuitBreaker(upstream);
            breaker.getEventPublisher().onStateTransition(event -> {
                log.warn("Circuit breaker {} {} -> {}", upstream, event.getStateTransition().getFromState(),
                        event.getStateTransition().getToState());
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    openedAt.put(upstream, clock.instant());
                }
            });
            return breaker;
        });
    }

    /** Seconds until the breaker lets a trial call through (at least 1), for {@code Retry-After}. */
    public Duration retryAfter(String upstream) {
        Instant opened = openedAt.get(upstream);
        if (opened == null) {
            return Duration.ofSeconds(1);
        }
        Duration left = Duration.between(clock.instant(), opened.plus(openDuration));
        long seconds = (long) Math.ceil(left.toMillis() / 1000.0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    /** CLOSED, OPEN or HALF_OPEN as spec 10 §1.13 reports it. */
    public String state(String upstream) {
        return registry.find(upstream).map(b -> switch (b.getState()) {
            case OPEN, FORCED_OPEN -> "OPEN";
            case HALF_OPEN -> "HALF_OPEN";
            default -> "CLOSED";
        }).orElse("CLOSED");
    }

    /** Back to CLOSED with empty windows (operations and tests). */
    public void resetAll() {
        registry.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        openedAt.clear();
    }
}
