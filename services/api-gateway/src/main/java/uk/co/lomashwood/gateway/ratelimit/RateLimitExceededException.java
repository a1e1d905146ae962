package uk.co.lomashwood.gateway.ratelimit;

import java.time.Duration;

import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

/** 429 RATE_LIMIT_EXCEEDED carrying the window that refused, for the X-RateLimit-* headers. */
public class RateLimitExceededException extends ApiException {

    private final WindowDecision decision;

    public RateLimitExceededException(WindowDecision decision, long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests; try again in " + retryAfterSeconds + " s.");
        this.decision = decision;
        retryAfter(Duration.ofSeconds(retryAfterSeconds));
    }

    public WindowDecision decision() {
        return decision;
    }
}
