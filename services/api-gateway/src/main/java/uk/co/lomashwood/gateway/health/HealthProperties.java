package uk.co.lomashwood.gateway.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Upstream health polling (spec 10 §1.13). */
@ConfigurationProperties("lomash.gateway.health")
public record HealthProperties(Duration pollInterval, Duration pollTimeout, Duration degradedAfter) {

    public HealthProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        pollTimeout = pollTimeout == null ? Duration.ofSeconds(5) : pollTimeout;
        degradedAfter = degradedAfter == null ? Duration.ofMillis(1000) : degradedAfter;
    }
}
