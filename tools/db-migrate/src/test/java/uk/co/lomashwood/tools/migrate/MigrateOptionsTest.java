package uk.co.lomashwood.tools.migrate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrateOptionsTest {

    private static final Map<String, String> SERVICE_ENV = Map.of(
            "DATABASE_URL", "jdbc:postgresql://db:5432/lomash_auth",
            "DATABASE_USERNAME", "auth",
            "DATABASE_PASSWORD", "from-env");

    @Test
    void connectionSettingsDefaultToTheVariablesTheServiceItselfReads() {
        MigrateOptions options = MigrateOptions.parse(new String[] {"--service", "auth-service"}, SERVICE_ENV);

        assertThat(options.target()).isEqualTo(new JdbcTarget("jdbc:postgresql://db:5432/lomash_auth", "auth", "from-env"));
        assertThat(options.command()).isEqualTo(MigrateOptions.Command.MIGRATE);
        assertThat(options.lockTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.jar()).isEmpty();
    }

    @Test
    void thePasswordComesFromTheNamedVariable() {
        MigrateOptions options = MigrateOptions.parse(new String[] {"--service", "auth-service", "--url",
                "jdbc:postgresql://localhost/lomash_auth", "--user", "lomash", "--password-env", "DB_PASSWORD"},
                Map.of("DB_PASSWORD", "s3cret"));

        assertThat(options.target().user()).isEqualTo("lomash");
        assertThat(options.target().password()).isEqualTo("s3cret");
        assertThat(options.target().toString()).doesNotContain("s3cret");
    }

    @Test
    void aLibpqStyleUrlIsTranslatedAndItsCredentialsUsed() {
        JdbcTarget target = JdbcTarget.of("postgresql://svc:p%40ss@rds.internal:5432/lomash_orders?sslmode=require",
                null, null);

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://rds.internal:5432/lomash_orders?sslmode=require");
        assertThat(target.user()).isEqualTo("svc");
        assertThat(target.password()).isEqualTo("p@ss");
        assertThat(target.display()).isEqualTo("jdbc:postgresql://rds.internal:5432/lomash_orders");
    }

    @Test
    void wrongCommandLinesAreRefusedWithAReason() {
        assertThatThrownBy(() -> MigrateOptions.parse(new String[] {}, SERVICE_ENV)).hasMessageContaining("--service");
        assertThatThrownBy(() -> MigrateOptions.parse(new String[] {"--service", "auth-service"}, Map.of()))
                .hasMessageContaining("DATABASE_URL");
        assertThatThrownBy(() -> MigrateOptions.parse(new String[] {"--service", "x", "--password", "p"}, SERVICE_ENV))
                .hasMessageContaining("unknown option --password");
        assertThatThrownBy(() -> MigrateOptions.parse(new String[] {"--service", "x", "--jar", "a", "--location", "b"},
                SERVICE_ENV)).hasMessageContaining("either");
        assertThatThrownBy(() -> MigrateOptions.parse(new String[] {"--service", "x", "--command", "clean"}, SERVICE_ENV))
                .hasMessageContaining("unknown --command");
    }
}
