package uk.co.lomashwood.order.invoice;

import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;

import uk.co.lomashwood.platform.core.page.SortOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Query parameters of the admin tables: pounds and date bounds, 400 when malformed. */
public final class QueryValues {

    private QueryValues() {
    }

    /** Pounds with at most two decimals, not negative. */
    public static Money pounds(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
            throw ValidationException.of(field, "must be an amount in pounds with at most 2 decimals");
        }
        return Money.ofPounds(value);
    }

    /** An ISO date (midnight UTC) or instant; null when absent. */
    public static OffsetDateTime instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : Instant.parse(value).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "must be an ISO-8601 date or instant");
        }
    }

    /** One value of {@code allowed}, else 400. */
    public static String oneOf(String field, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw ValidationException.of(field, "must be one of " + new TreeSet<>(allowed));
        }
        return value;
    }

    /** SQL ORDER BY for a parsed {@code sort} over whitelisted columns, with {@code tieBreaker} last. */
    public static String orderBy(String sort, Map<String, String> columns, String tieBreaker) {
        SortOrder order = SortOrder.parse(sort, columns.keySet());
        return String.join(", ", order.keys().stream()
                .map(k -> columns.get(k.field()) + (k.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST")).toList())
                + ", " + tieBreaker;
    }
}
