package uk.co.lomashwood.order.invoice;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** A WHERE clause of named-parameter conditions, each added only when its value is present. */
public final class SqlWhere {

    private final StringBuilder sql;
    private final Map<String, Object> params = new LinkedHashMap<>();

    public SqlWhere(String base) {
        this.sql = new StringBuilder(base);
    }

    /** Appends {@code AND condition} binding {@code :name} when {@code value} is not null (nor an empty collection). */
    public SqlWhere and(String condition, String name, Object value) {
        if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
            sql.append(" AND ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public Map<String, Object> params() {
        return params;
    }
}
