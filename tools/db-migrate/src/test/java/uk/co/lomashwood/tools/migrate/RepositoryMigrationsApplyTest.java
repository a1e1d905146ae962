package uk.co.lomashwood.tools.migrate;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import uk.co.lomashwood.platform.test.EmbeddedPostgresServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service's migrations in this checkout, with the platform's, apply from scratch through the
 * runner: the same path the pre-deployment step takes, on an empty database.
 */
class RepositoryMigrationsApplyTest {

    @TestFactory
    Stream<DynamicTest> everyServicesMigrationsApplyToAnEmptyDatabase() throws IOException {
        Path root = repoRoot();
        List<Path> platform = new ArrayList<>();
        try (var modules = Files.list(root.resolve("platform"))) {
            modules.map(m -> m.resolve("src/main/resources/db/platform")).filter(Files::isDirectory).sorted()
                    .forEach(platform::add);
        }
        List<Path> services;
        try (var dirs = Files.list(root.resolve("services"))) {
            services = dirs.filter(d -> Files.isDirectory(d.resolve("src/main/resources/db/migration"))).sorted().toList();
        }
        return services.stream().map(service -> DynamicTest.dynamicTest(service.getFileName().toString(), () -> {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
            String db = "repo_" + service.getFileName().toString().replace('-', '_');
            postgres.createDatabaseIfMissing(db);
            List<String> args = new ArrayList<>(List.of("--service", service.getFileName().toString(),
                    "--location", service.resolve("src/main/resources/db/migration").toString()));
            platform.forEach(p -> args.addAll(List.of("--location", p.toString())));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = DbMigrate.run(args.toArray(String[]::new), Map.of("DATABASE_URL", postgres.jdbcUrl(db),
                            "DATABASE_USERNAME", postgres.username(), "DATABASE_PASSWORD", postgres.password()),
                    root, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exit).as(out.toString()).isZero();
        }));
    }

    /**
     * The runnable jars built in this checkout (in a full ./mvnw verify the services are packaged before
     * this module's tests run): the runner finds their migrations inside and applies them.
     */
    @TestFactory
    Stream<DynamicTest> everyBuiltServiceJarMigratesAnEmptyDatabase() throws IOException {
        Path root = repoRoot();
        List<Path> jars;
        try (var dirs = Files.list(root.resolve("services"))) {
            jars = dirs.map(d -> d.resolve("target")).filter(Files::isDirectory).flatMap(t -> {
                try (var files = Files.list(t)) {
                    return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).toList().stream();
                } catch (IOException e) {
                    return Stream.empty();
                }
            }).filter(jar -> Files.isDirectory(jar.getParent().getParent().resolve("src/main/resources/db/migration")))
                    .sorted().toList();
        }
        return jars.stream().map(jar -> DynamicTest.dynamicTest(jar.getFileName().toString(), () -> {
            String service = jar.getParent().getParent().getFileName().toString();
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
            String db = "jar_" + service.replace('-', '_');
            postgres.createDatabaseIfMissing(db);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            int exit = DbMigrate.run(new String[] {"--service", service, "--jar", jar.toString()},
                    Map.of("DATABASE_URL", postgres.jdbcUrl(db), "DATABASE_USERNAME", postgres.username(),
                            "DATABASE_PASSWORD", postgres.password()), root, print, print);
            assertThat(exit).as(out.toString()).isZero();
            assertThat(DbMigrateIntegrationTest.tables(db)).contains("flyway_schema_history", "idempotency_keys");
        }));
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the repository");
        }
        return dir;
    }
}
