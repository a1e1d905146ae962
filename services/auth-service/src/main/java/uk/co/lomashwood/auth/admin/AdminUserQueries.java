package uk.co.lomashwood.auth.admin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.SortOrder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The admin user table: filters, search and offset pagination in one parameterised query. */
@Component
class AdminUserQueries {

    private static final Map<String, String> COLUMNS = Map.of(
            "createdAt", "created_at", "lastLoginAt", "last_login_at", "email", "email");
    private static final String WHERE = """
             WHERE deleted_at IS NULL
               AND (CAST(:search AS text) IS NULL OR email::text ILIKE :pattern ESCAPE '\\'
                    OR first_name ILIKE :pattern ESCAPE '\\' OR last_name ILIKE :pattern ESCAPE '\\'
                    OR (first_name || ' ' || last_name) ILIKE :pattern ESCAPE '\\')
               AND (CAST(:role AS text) IS NULL OR role = :role)
               AND (CAST(:status AS text) IS NULL OR status = :status)
               AND (CAST(:mfa AS boolean) IS NULL OR mfa_enabled = :mfa)
               AND (CAST(:from AS timestamptz) IS NULL OR created_at >= :from)
               AND (CAST(:to AS timestamptz) IS NULL OR created_at < :to)
            """;

    record Row(UUID id, String email, String firstName, String lastName, String role, String status,
               boolean emailVerified, boolean mfaEnabled, boolean locked, Instant lockedUntil, Instant lastLoginAt,
               Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AdminUserQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    OffsetPage<Row> list(UserListFilter filter) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("search", filter.search());
        params.put("pattern", filter.search() == null ? null : "%" + escapeLike(filter.search()) + "%");
        params.put("role", filter.role() == null ? null : filter.role().name());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("mfa", filter.mfaEnabled());
        params.put("from", filter.createdFrom() == null ? null : Timestamp.from(filter.createdFrom()));
        params.put("to", filter.createdTo() == null ? null : Timestamp.from(filter.createdTo()));
        long total = jdbc.sql("SELECT count(*) FROM users" + WHERE).params(params).query(Long.class).single();
        params.put("limit", filter.page().limit());
        params.put("offset", filter.page().offset());
        List<Row> rows = jdbc.sql("""
                SELECT id, email, first_name, last_name, role, status, email_verified, mfa_enabled, status_reason,
                       locked_until, last_login_at, created_at FROM users""" + WHERE
                        + " ORDER BY " + orderBy(filter.sort()) + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query(this::row)
                .list();
        return new OffsetPage<>(rows, filter.page().page(), filter.page().limit(), total);
    }

    /** Built from whitelisted names only. */
    private static String orderBy(SortOrder sort) {
        StringBuilder order = new StringBuilder();
        for (SortOrder.Key key : sort.keys()) {
            order.append(COLUMNS.get(key.field())).append(key.descending() ? " DESC NULLS LAST" : " ASC NULLS FIRST").append(", ");
        }
        return order.append("id").toString();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Instant lockedUntil = instant(rs, "locked_until");
        boolean locked = "ADMIN_LOCK".equals(rs.getString("status_reason"))
                || (lockedUntil != null && lockedUntil.isAfter(clock.instant()));
        return new Row(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("role"), rs.getString("status"),
                rs.getBoolean("email_verified"), rs.getBoolean("mfa_enabled"), locked, lockedUntil,
                instant(rs, "last_login_at"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
