package uk.co.lomashwood.tools.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.co.lomashwood.platform.test.EmbeddedPostgresServer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the CLI against a real PostgreSQL 16. */
class DbMigrateIntegrationTest {

    private static final EmbeddedPostgresServer POSTGRES = EmbeddedPostgresServer.shared();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void appliesTheServiceAndPlatformMigrationsOnceAndIsANoOpTheSecondTime() throws Exception {
        String db = "migrate_twice";
        POSTGRES.createDatabaseIfMissing(db);
        Path jar = TestJars.bootJar(dir,
                Map.of("db/migration/V1__users.sql", "CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL);"),
                Map.of("db/platform/V0_0_1__idempotency.sql", "CREATE TABLE idempotency_keys (k text PRIMARY KEY);"));

        assertThat(run(db, "--service", "auth-service", "--jar", jar.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("applied 2 migration(s)", "now at version 1");
        assertThat(tables(db)).contains("users", "idempotency_keys", "flyway_schema_history");

        out.reset();
        assertThat(run(db, "--service", "auth-service", "--jar", jar.toString())).isZero();
        assertThat(out.toString()).contains("applied 0 migration(s)", "unchanged");

        assertThat(run(db, "--service", "auth-service", "--jar", jar.toString(), "--command", "validate")).isZero();
        assertThat(run(db, "--service", "auth-service", "--jar", jar.toString(), "--command", "info")).isZero();
        assertThat(out.toString()).contains("0.0.1", "Success");
    }

    @Test
    void aFailingMigrationExitsNonZeroAndLeavesNothingHalfApplied() throws Exception {
        String db = "migrate_failing";
        POSTGRES.createDatabaseIfMissing(db);
        Path jar = TestJars.bootJar(dir,
                Map.of("db/migration/V1__broken.sql", "CREATE TABLE half (id int); SELECT no_such_function();"),
                Map.of("db/platform/V0_0_1__ok.sql", "CREATE TABLE ok (id int);"));

        assertThat(run(db, "--service", "broken-service", "--jar", jar.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("broken-service: FAILED");
        assertThat(tables(db)).contains("ok").doesNotContain("half");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(DbMigrate.run(new String[] {"--service"}, Map.of(), dir, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString()).contains("missing value after --service", "Usage: db-migrate");
    }

    private int run(String db, String... args) {
        Map<String, String> env = Map.of("DATABASE_URL", POSTGRES.jdbcUrl(db),
                "DATABASE_USERNAME", POSTGRES.username(), "DATABASE_PASSWORD", POSTGRES.password());
        return DbMigrate.run(args, env, dir, print(out), print(err));
    }

    static java.util.List<String> tables(String db) throws Exception {
        try (Connection c = POSTGRES.connect(db);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
