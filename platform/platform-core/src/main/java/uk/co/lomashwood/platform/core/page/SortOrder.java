package uk.co.lomashwood.platform.core.page;

import uk.co.lomashwood.platform.core.error.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A parsed {@code sort} parameter ({@code sort=-createdAt,basePrice}) checked against the
 * endpoint's whitelist (spec 00 §1.4). Default {@code -createdAt}.
 */
public record SortOrder(List<Key> keys) {

    public record Key(String field, boolean descending) {
    }

    public static SortOrder parse(String sort, Set<String> allowed) {
        return parse(sort, allowed, "-createdAt");
    }

    public static SortOrder parse(String sort, Set<String> allowed, String defaultSort) {
        String value = sort == null || sort.isBlank() ? defaultSort : sort;
        List<Key> keys = new ArrayList<>();
        for (String raw : value.split(",")) {
            String token = raw.trim();
            boolean descending = token.startsWith("-");
            String field = descending ? token.substring(1) : token;
            if (!allowed.contains(field)) {
                throw ValidationException.of("sort", "unknown sort field '" + abbreviate(field) + "'; allowed: " + allowed);
            }
            keys.add(new Key(field, descending));
        }
        return new SortOrder(List.copyOf(keys));
    }

    /** Canonical text of the order, e.g. for a cursor fingerprint. */
    public String canonical() {
        return String.join(",", keys.stream().map(k -> (k.descending() ? "-" : "") + k.field()).toList());
    }

    private static String abbreviate(String field) {
        return field.length() > 40 ? field.substring(0, 40) + "…" : field;
    }
}
