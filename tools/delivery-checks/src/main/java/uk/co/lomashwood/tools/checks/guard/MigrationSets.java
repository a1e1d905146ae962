package uk.co.lomashwood.tools.checks.guard;

import uk.co.lomashwood.tools.checks.Repository;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The repository's migrations grouped by the database they run against: each module's
 * {@code src/main/resources/db/**} scripts together with the platform's shared {@code db/platform}
 * ones (every service applies those too), in Flyway order.
 */
public final class MigrationSets {

    private static final Pattern MIGRATION = Pattern.compile("(.+)/src/main/resources/db/.+\\.sql");

    private MigrationSets() {
    }

    /** Module path → its migration files in apply order. */
    public static Map<String, List<MigrationFile>> of(Repository repo) {
        List<MigrationFile> platform = new ArrayList<>();
        Map<String, List<MigrationFile>> byModule = new TreeMap<>();
        for (Path file : repo.files(".", p -> MIGRATION.matcher(p).matches())) {
            String name = repo.relative(file);
            MigrationFile migration = new MigrationFile(name, repo.read(file));
            if (name.contains("/db/platform/")) {
                platform.add(migration);
            } else {
                byModule.computeIfAbsent(module(name), m -> new ArrayList<>()).add(migration);
            }
        }
        Map<String, List<MigrationFile>> sets = new TreeMap<>();
        sets.put("platform (db/platform)", sorted(platform));
        byModule.forEach((module, files) -> {
            List<MigrationFile> all = new ArrayList<>(platform);
            all.addAll(files);
            sets.put(module, sorted(all));
        });
        return sets;
    }

    private static String module(String path) {
        var m = MIGRATION.matcher(path);
        return m.matches() ? m.group(1) : path;
    }

    private static List<MigrationFile> sorted(List<MigrationFile> files) {
        List<MigrationFile> copy = new ArrayList<>(files);
        copy.sort(MigrationFile.FLYWAY_ORDER);
        return copy;
    }
}
