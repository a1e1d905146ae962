package uk.co.lomashwood.tools.checks.guard;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.tools.checks.Repository;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard over every migration in this checkout: non-additive changes fail the build. */
class RepositoryMigrationGuardTest {

    private final Map<String, List<MigrationFile>> sets = MigrationSets.of(Repository.current());

    @Test
    void everyMigrationIsAdditiveOrCarriesAReviewedExemption() {
        Set<Violation> violations = new LinkedHashSet<>();
        sets.values().forEach(files -> violations.addAll(MigrationGuard.check(files)));

        assertThat(violations).as("""
                Non-additive migrations (spec 00 §5.3). Use expand → migrate → contract across releases, or, \
                after review, put above the statement:
                  -- migration-guard: allow RULE reason="..." reviewed-by="..."
                See docs/delivery.md.""").isEmpty();
    }

    @Test
    void everyMigrationHasAFlywayNameAndAUniqueVersionPerDatabase() {
        assertThat(sets).isNotEmpty();
        sets.forEach((module, files) -> {
            Map<String, String> versions = new HashMap<>();
            for (MigrationFile file : files) {
                var m = MigrationFile.FLYWAY_NAME.matcher(file.fileName());
                assertThat(m.matches()).as("%s is not a Flyway name (V<version>__<description>.sql)", file.name()).isTrue();
                if (m.group(1) != null) {
                    String version = m.group(1).replace('_', '.').replaceAll("(\\.0+)+$", "");
                    String other = versions.putIfAbsent(version, file.name());
                    assertThat(other).as("%s and %s share version %s in %s", other, file.name(), version, module).isNull();
                }
            }
        });
    }
}
