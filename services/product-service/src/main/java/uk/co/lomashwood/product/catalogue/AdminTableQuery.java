package uk.co.lomashwood.product.catalogue;

import uk.co.lomashwood.platform.core.error.ValidationException;

import java.util.Map;

/**
 * The {@code sortBy} / {@code sortOrder} / {@code search} parameters of the admin tables (spec 20 §1.3): a
 * whitelisted sort column (400 otherwise), newest first unless {@code sortOrder=asc}, and a trimmed search of at
 * most 100 characters (blank = none).
 */
public record AdminTableQuery(String sortColumn, boolean descending, String search) {

    public static AdminTableQuery parse(Map<String, String> sorts, String defaultSort, String sortBy, String sortOrder,
                                        String search) {
        String column = sorts.get(sortBy == null ? defaultSort : sortBy);
        if (column == null) {
            throw ValidationException.of("sortBy", "must be one of " + sorts.keySet());
        }
        boolean desc = sortOrder == null || sortOrder.equalsIgnoreCase("desc");
        if (!desc && !sortOrder.equalsIgnoreCase("asc")) {
            throw ValidationException.of("sortOrder", "must be asc or desc");
        }
        if (search != null && search.length() > 100) {
            throw ValidationException.of("search", "must be at most 100 characters");
        }
        return new AdminTableQuery(column, desc, search == null || search.isBlank() ? null : search.trim());
    }
}
