package uk.co.lomashwood.product.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An ACCESS EXCLUSIVE lock on one table, held until closed: a concurrent reader stops at its first statement on that
 * table, after everything it read before, so a test can commit a write exactly inside the reader's load.
 */
public final class HeldTableLock implements AutoCloseable {

    private final Connection connection;
    private final String table;

    private HeldTableLock(Connection connection, String table) {
        this.connection = connection;
        this.table = table;
    }

    public static HeldTableLock on(DataSource dataSource, String table) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            return new HeldTableLock(connection, table);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Waits until another session's statement containing {@code queryFragment} is blocked by a lock. */
    public void awaitABlockedQuery(JdbcClient jdbc, String queryFragment) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            long waiting = jdbc.sql("""
                            SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()
                               AND wait_event_type = 'Lock' AND strpos(query, ?) > 0""")
                    .param(queryFragment).query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no query containing '" + queryFragment + "' ever waited for the lock on " + table);
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
