package uk.co.lomashwood.platform.core.page;

import uk.co.lomashwood.platform.core.error.ValidationException;

/**
 * Validated {@code page} and {@code limit} query parameters (defaults 1 and 20, limit 1–100 unless
 * the endpoint states otherwise).
 */
public record PageRequest(int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(Integer page, Integer limit) {
        return of(page, limit, MAX_LIMIT);
    }

    public static PageRequest of(Integer page, Integer limit, int maxLimit) {
        int p = page == null ? 1 : page;
        int l = validLimit(limit, maxLimit);
        if (p < 1) {
            throw ValidationException.of("page", "must be 1 or more");
        }
        return new PageRequest(p, l);
    }

    public static int validLimit(Integer limit, int maxLimit) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > maxLimit) {
            throw ValidationException.of("limit", "must be between 1 and " + maxLimit);
        }
        return l;
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
