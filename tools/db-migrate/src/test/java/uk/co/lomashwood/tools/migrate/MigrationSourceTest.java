package uk.co.lomashwood.tools.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationSourceTest {

    @TempDir
    Path dir;

    @Test
    void extractsTheServiceAndTheEmbeddedPlatformMigrationsAndNothingElse() throws Exception {
        Path jar = TestJars.bootJar(dir, Map.of("db/migration/auth/V1__users.sql", "CREATE TABLE users (id uuid);",
                        "application.yml", "x: 1"),
                Map.of("db/platform/V0_0_1__idempotency.sql", "CREATE TABLE idem (k text);"));
        Path out = Files.createDirectory(dir.resolve("out"));

        var locations = MigrationSource.extract(jar, out);

        assertThat(locations).containsExactly(out.resolve("db/migration/"), out.resolve("db/platform/"));
        assertThat(out.resolve("db/migration/auth/V1__users.sql")).hasContent("CREATE TABLE users (id uuid);");
        assertThat(out.resolve("db/platform/V0_0_1__idempotency.sql")).exists();
        try (var all = Files.walk(out)) {
            assertThat(all.filter(Files::isRegularFile).count()).isEqualTo(2);
        }
    }

    @Test
    void aJarWithoutMigrationsIsAnError() throws Exception {
        Path jar = TestJars.bootJar(dir, Map.of("application.yml", "x: 1"), Map.of());
        assertThatThrownBy(() -> MigrationSource.extract(jar, Files.createDirectory(dir.resolve("out"))))
                .hasMessageContaining("no migrations found");
    }

    @Test
    void theDefaultJarIsTheServicesExecJarAndItsAbsenceExplainsHowToBuildIt() throws Exception {
        Path target = Files.createDirectories(dir.resolve("services/auth-service/target"));
        Files.writeString(target.resolve("auth-service-0.1.0-SNAPSHOT.jar"), "plain");
        assertThatThrownBy(() -> MigrationSource.defaultJar(dir, "auth-service"))
                .hasMessageContaining("./mvnw -pl services/auth-service -am package");
        Files.writeString(target.resolve("auth-service-0.1.0-SNAPSHOT-exec.jar"), "runnable");
        assertThat(MigrationSource.defaultJar(dir, "auth-service").getFileName())
                .hasToString("auth-service-0.1.0-SNAPSHOT-exec.jar");
    }
}
