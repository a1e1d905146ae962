package uk.co.lomashwood.tools.checks.guard;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the migrations applied so far say about each column: its type and whether it has a default. */
final class Schema {

    record Column(String type, boolean hasDefault) {
    }

    private final Map<String, Map<String, Column>> tables = new HashMap<>();

    void put(String table, String column, Column info) {
        tables.computeIfAbsent(table, t -> new HashMap<>()).put(column, info);
    }

    Optional<Column> column(String table, String column) {
        return Optional.ofNullable(tables.getOrDefault(table, Map.of()).get(column));
    }

    void update(String table, String column, java.util.function.UnaryOperator<Column> change) {
        column(table, column).ifPresent(c -> put(table, column, change.apply(c)));
    }

    /** {@code "Public"."Users"} → {@code public.Users} → {@code Users}; unquoted names fold to lower case. */
    static String name(String raw) {
        StringBuilder out = new StringBuilder();
        for (String part : raw.trim().split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(part.startsWith("\"") ? part.replace("\"", "") : part.toLowerCase(Locale.ROOT));
        }
        String name = out.toString();
        return name.startsWith("public.") ? name.substring("public.".length()) : name;
    }
}
