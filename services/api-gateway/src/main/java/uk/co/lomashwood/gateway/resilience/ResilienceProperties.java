package uk.co.lomashwood.gateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Retry and circuit-breaker settings: the single platform policy of spec 00 §6.2–6.3 / 10 §1.10. */
@ConfigurationProperties("lomash.gateway.resilience")
public record ResilienceProperties(
        int retryAttempts,
        Duration retryBaseDelay,
        Duration breakerWindow,
        int breakerMinCalls,
        float breakerFailureRate,
        Duration breakerOpenDuration,
        int breakerHalfOpenCalls) {

    public ResilienceProperties {
        retryBaseDelay = retryBaseDelay == null ? Duration.ofMillis(100) : retryBaseDelay;
        breakerWindow = breakerWindow == null ? Duration.ofSeconds(60) : breakerWindow;
        breakerMinCalls = breakerMinCalls <= 0 ? 5 : breakerMinCalls;
        breakerFailureRate = breakerFailureRate <= 0 ? 50f : breakerFailureRate;
        breakerOpenDuration = breakerOpenDuration == null ? Duration.ofSeconds(30) : breakerOpenDuration;
        breakerHalfOpenCalls = breakerHalfOpenCalls <= 0 ? 2 : breakerHalfOpenCalls;
    }
}
