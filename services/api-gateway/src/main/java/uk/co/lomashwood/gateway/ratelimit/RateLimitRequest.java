package uk.co.lomashwood.gateway.ratelimit;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** What the limiter needs to know about a request; session and email are read only if a policy asks for them. */
public record RateLimitRequest(String method, String path, Predicate<String> hasParam, String ip, String userId,
        Supplier<String> session, Supplier<String> email) {
}
