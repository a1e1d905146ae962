package uk.co.lomashwood.tools.checks.guard;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL type names normalised, and the type changes known to be widening (safe for old code and data). */
final class ColumnTypes {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial", "integer"),
            Map.entry("serial4", "integer"), Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"),
            Map.entry("serial8", "bigint"), Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"),
            Map.entry("character varying", "varchar"), Map.entry("character", "char"), Map.entry("bpchar", "char"),
            Map.entry("decimal", "numeric"), Map.entry("float4", "real"), Map.entry("float8", "double precision"),
            Map.entry("float", "double precision"), Map.entry("bool", "boolean"),
            Map.entry("timestamp with time zone", "timestamptz"), Map.entry("timestamp without time zone", "timestamp"));
    private static final Pattern SHAPE = Pattern.compile("([a-z][a-z0-9 ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?(\\[\\])?");

    /** A normalised type: base name, optional length/precision and scale, array flag. */
    record Type(String base, Integer size, Integer scale, boolean array) {
    }

    private ColumnTypes() {
    }

    static Type parse(String raw) {
        String text = raw.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return new Type(text, null, null, false);
        }
        String base = ALIASES.getOrDefault(m.group(1).trim(), m.group(1).trim());
        Integer size = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer scale = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        return new Type(base, size, scale, m.group(4) != null);
    }

    /** Whether every value of {@code from} fits {@code to} unchanged. Unknown pairs are not widening. */
    static boolean isWidening(String from, String to) {
        Type a = parse(from);
        Type b = parse(to);
        if (a.equals(b)) {
            return true;
        }
        if (a.array() != b.array()) {
            return false;
        }
        return switch (a.base()) {
            case "smallint" -> b.base().equals("integer") || b.base().equals("bigint") || b.base().equals("numeric") && b.size() == null;
            case "integer" -> b.base().equals("bigint") || b.base().equals("numeric") && b.size() == null;
            case "bigint" -> b.base().equals("numeric") && b.size() == null;
            case "real" -> b.base().equals("double precision");
            case "varchar", "char" -> isText(b) || (b.base().equals("varchar") && (b.size() == null
                    || a.size() != null && b.size() >= a.size()));
            case "text" -> isText(b);
            case "citext" -> b.base().equals("citext");
            case "numeric" -> b.base().equals("numeric") && (b.size() == null || a.size() != null
                    && scale(b) >= scale(a) && b.size() - scale(b) >= a.size() - scale(a));
            default -> false;
        };
    }

    private static boolean isText(Type t) {
        return t.base().equals("text") || t.base().equals("varchar") && t.size() == null;
    }

    private static int scale(Type t) {
        return t.scale() == null ? 0 : t.scale();
    }
}
