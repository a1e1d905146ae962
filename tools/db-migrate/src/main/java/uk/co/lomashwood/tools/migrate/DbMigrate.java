package uk.co.lomashwood.tools.migrate;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The pre-deployment migration step (spec 00 §5.3): applies one service's Flyway migrations to its
 * database before new tasks start. Flyway holds a PostgreSQL advisory lock for the whole run, so two
 * deployments never migrate the same database at once; each statement waits at most
 * {@code --lock-timeout} for table locks, so a migration fails fast instead of queueing live traffic
 * behind it. A failure exits non-zero and the pipeline stops while the old tasks keep serving.
 *
 * <p>Exit codes: 0 done, 1 migration failed, 2 wrong command line.
 */
public final class DbMigrate {

    private DbMigrate() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), Path.of(""), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, Path repoRoot, PrintStream out, PrintStream err) {
        MigrateOptions options;
        try {
            options = MigrateOptions.parse(args, env);
        } catch (MigrateOptions.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("db-migrate: " + e.getMessage());
            }
            err.print(MigrateOptions.USAGE);
            return e.getMessage().isEmpty() ? 0 : 2;
        }
        Path workDir = null;
        try {
            List<Path> locations = options.locations();
            if (locations.isEmpty()) {
                Path jar = options.jar().orElseGet(() -> MigrationSource.defaultJar(repoRoot, options.service()));
                workDir = Files.createTempDirectory("db-migrate-");
                locations = MigrationSource.extract(jar, workDir);
                out.println(options.service() + ": migrations from " + jar);
            }
            return execute(options, locations, out);
        } catch (RuntimeException | IOException e) {
            err.println("db-migrate: " + options.service() + ": FAILED: " + e.getMessage());
            return 1;
        } finally {
            deleteQuietly(workDir);
        }
    }

    private static int execute(MigrateOptions options, List<Path> locations, PrintStream out) {
        Flyway flyway = flyway(options, locations);
        out.println(options.service() + ": " + options.command().name().toLowerCase(java.util.Locale.ROOT)
                + " against " + options.target());
        switch (options.command()) {
            case MIGRATE -> {
                MigrateResult result = flyway.migrate();
                out.println(options.service() + ": applied " + result.migrationsExecuted + " migration(s); schema "
                        + (result.targetSchemaVersion == null ? "unchanged" : "now at version " + result.targetSchemaVersion));
            }
            case VALIDATE -> {
                flyway.validate();
                out.println(options.service() + ": applied migrations match the jar");
            }
            case INFO -> {
                for (MigrationInfo info : flyway.info().all()) {
                    out.printf("  %-10s %-50s %s%n", info.getVersion() == null ? "R" : info.getVersion(),
                            info.getDescription(), info.getState().getDisplayName());
                }
            }
        }
        return 0;
    }

    static Flyway flyway(MigrateOptions options, List<Path> locations) {
        JdbcTarget target = options.target();
        return Flyway.configure()
                .dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations(locations.stream().map(p -> "filesystem:" + p.toAbsolutePath()).toArray(String[]::new))
                .initSql("SET lock_timeout = '" + options.lockTimeout().toSeconds() + "s'")
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .failOnMissingLocations(true)
                .connectRetries(3)
                .load();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
