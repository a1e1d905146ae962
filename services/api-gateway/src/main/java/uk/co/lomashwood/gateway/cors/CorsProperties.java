package uk.co.lomashwood.gateway.cors;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** CORS settings (spec 10 §1.7, 00 §3.5); header lists default to exactly those of 00 §3.5. */
@ConfigurationProperties("lomash.gateway.cors")
public record CorsProperties(List<String> allowedOrigins, Duration maxAge, List<String> allowedHeaders,
        List<String> exposedHeaders, List<String> csrfRoutes) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream()
                .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.replaceAll("/+$", "")).toList();
        maxAge = maxAge == null ? Duration.ofSeconds(600) : maxAge;
        allowedHeaders = allowedHeaders == null || allowedHeaders.isEmpty() ? List.of("Content-Type", "Authorization",
                "X-Request-Id", "Idempotency-Key", "If-Match", "If-None-Match", "Accept", "Accept-Language",
                "X-Booking-Token", "X-Analytics-Session-Id", "X-Client-Type") : allowedHeaders;
        exposedHeaders = exposedHeaders == null || exposedHeaders.isEmpty() ? List.of("X-Request-Id",
                "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After", "ETag", "Location",
                "Idempotent-Replayed", "Content-Disposition") : exposedHeaders;
        csrfRoutes = csrfRoutes == null || csrfRoutes.isEmpty()
                ? List.of("POST /v1/auth/refresh", "POST /v1/auth/logout") : csrfRoutes;
    }
}
