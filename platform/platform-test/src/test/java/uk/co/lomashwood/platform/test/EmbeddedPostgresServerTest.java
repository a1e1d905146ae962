package uk.co.lomashwood.platform.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

    private final EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();

    @Test
    void sharedServerIsPostgres16() throws SQLException {
        try (Connection connection = postgres.connect("postgres")) {
            assertThat(queryStrings(connection, "SELECT version()")).singleElement().asString()
                    .startsWith("PostgreSQL 16");
        }
        assertThat(EmbeddedPostgresServer.shared()).isSameAs(postgres);
    }

    @Test
    void createdDatabaseHasThePermittedExtensions() throws SQLException {
        postgres.createDatabaseIfMissing("platform_test_extensions");
        postgres.createDatabaseIfMissing("platform_test_extensions");

        try (Connection connection = postgres.connect("platform_test_extensions")) {
            assertThat(queryStrings(connection, "SELECT extname FROM pg_extension"))
                    .contains("citext", "pgcrypto", "btree_gist", "pg_trgm");
            assertThat(queryStrings(connection, "SELECT 'A@x.com'::citext = 'a@X.COM'::citext")).containsExactly("t");
        }
    }

    @Test
    void rejectsDatabaseNamesThatWouldNeedQuoting() {
        assertThatThrownBy(() -> postgres.createDatabaseIfMissing("bad\"; DROP"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void persistentDataDirectoryKeepsDataAcrossRestarts(@TempDir Path dataDir) throws SQLException {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, 0)) {
            first.createDatabaseIfMissing("persisted");
            try (Connection connection = first.connect("persisted"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE survivors (name text)");
                statement.execute("INSERT INTO survivors VALUES ('kept')");
            }
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dataDir, 0);
             Connection connection = second.connect("persisted")) {
            assertThat(queryStrings(connection, "SELECT name FROM survivors")).containsExactly("kept");
        }
    }

    private static List<String> queryStrings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
