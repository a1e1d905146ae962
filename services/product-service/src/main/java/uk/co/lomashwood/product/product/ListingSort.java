package uk.co.lomashwood.product.product;

import uk.co.lomashwood.platform.core.error.ValidationException;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The whitelisted orders of spec 20 §1.4.2. Every order is total (id is the last key) and all its keys
 * run in one direction, so a keyset seek is a single row comparison against the cursor's values.
 */
public enum ListingSort {
    NEWEST("-createdAt", true, key("p.created_at", Kind.TIME)),
    PRICE_ASC("effectivePrice", false, key("coalesce(p.effective_price, 9223372036854775807)", Kind.LONG)),
    PRICE_DESC("-effectivePrice", true, key("coalesce(p.effective_price, -1)", Kind.LONG)),
    POPULAR("-viewCount", true, key("p.view_count", Kind.LONG), key("p.created_at", Kind.TIME)),
    TITLE_ASC("title", false, key("p.title", Kind.TEXT)),
    TITLE_DESC("-title", true, key("p.title", Kind.TEXT)),
    /** Featured lists only (admins' manual order); not accepted from the query string. */
    MERCHANDISED("sortOrder", false, key("p.sort_order", Kind.LONG), key("p.created_at", Kind.TIME));

    enum Kind { TIME, LONG, TEXT }

    record Key(String expression, Kind kind) {
    }

    private final String parameter;
    private final boolean descending;
    private final List<Key> keys;

    ListingSort(String parameter, boolean descending, Key... keys) {
        this.parameter = parameter;
        this.descending = descending;
        this.keys = List.of(keys);
    }

    private static Key key(String expression, Kind kind) {
        return new Key(expression, kind);
    }

    public static ListingSort parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return NEWEST;
        }
        return Arrays.stream(values()).filter(s -> s != MERCHANDISED && s.parameter.equals(raw.trim())).findFirst()
                .orElseThrow(() -> ValidationException.of("sort", "must be one of -createdAt, effectivePrice, "
                        + "-effectivePrice, -viewCount, title, -title"));
    }

    public String parameter() {
        return parameter;
    }

    List<Key> keys() {
        return keys;
    }

    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        StringBuilder sql = new StringBuilder();
        for (Key key : keys) {
            sql.append(key.expression()).append(direction).append(", ");
        }
        return sql.append("p.id").append(direction).toString();
    }

    /** {@code (k1, …, p.id) < (:k0, …, :cid)} for descending orders, {@code >} for ascending ones. */
    String seek() {
        StringBuilder left = new StringBuilder("(");
        StringBuilder right = new StringBuilder("(");
        for (int i = 0; i < keys.size(); i++) {
            left.append(keys.get(i).expression()).append(", ");
            right.append(":k").append(i).append(", ");
        }
        left.append("p.id)");
        right.append(":cid)");
        return left + (descending ? " < " : " > ") + right;
    }

    /** A cursor value as text: instants as epoch micros so no precision is lost against timestamptz. */
    static String encode(Kind kind, Object value) {
        return switch (kind) {
            case TIME -> {
                Instant instant = (Instant) value;
                yield Long.toString(instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000);
            }
            case LONG, TEXT -> value.toString();
        };
    }

    static Object decode(Kind kind, String text) {
        try {
            return switch (kind) {
                case TIME -> {
                    long micros = Long.parseLong(text);
                    yield Timestamp.from(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                            Math.floorMod(micros, 1_000_000) * 1_000L));
                }
                case LONG -> Long.parseLong(text);
                case TEXT -> text;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad cursor value", e);
        }
    }
}
