package uk.co.lomashwood.auth.support;

/** Null-safe trimming for request records. */
public final class Strings {

    private Strings() {
    }

    public static String trim(String value) {
        return value == null ? null : value.strip();
    }

    /** Trimmed, and null when nothing is left. */
    public static String trimToNull(String value) {
        String trimmed = trim(value);
        return trimmed == null || trimmed.isEmpty() ? null : trimmed;
    }
}
