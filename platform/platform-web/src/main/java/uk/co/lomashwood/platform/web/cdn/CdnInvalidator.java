package uk.co.lomashwood.platform.web.cdn;

import java.util.Collection;

/**
 * Invalidates CDN paths after a write (spec 00 §5.6–5.7). Implementations coalesce requests into one
 * batch per 30-second window and never fail the caller: a failed invalidation is logged.
 */
public interface CdnInvalidator {

    /** Paths such as {@code /v1/products/123} or a wildcard prefix {@code /v1/products*}. */
    void invalidate(Collection<String> paths);
}
