package uk.co.lomashwood.tools.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The SQL migrations a service applies at start-up, read from its runnable jar: its own
 * ({@code db/migration}) and the shared ones of the platform jars it embeds ({@code db/platform}).
 * Reading the jar, not the source tree, guarantees that the pre-deployment step applies exactly what
 * the image tagged with the same git SHA carries.
 */
final class MigrationSource {

    static final String SERVICE_FOLDER = "db/migration/";
    static final String PLATFORM_FOLDER = "db/platform/";
    private static final String BOOT_CLASSES = "BOOT-INF/classes/";
    private static final String BOOT_LIB = "BOOT-INF/lib/";

    private MigrationSource() {
    }

    /** Copies every {@code .sql} under the two folders into {@code target}; returns the Flyway locations. */
    static List<Path> extract(Path jar, Path target) {
        try (InputStream in = Files.newInputStream(jar)) {
            int copied = copyFrom(new ZipInputStream(in), target, true);
            if (copied == 0) {
                throw new IllegalStateException("no migrations found in " + jar
                        + " (expected " + SERVICE_FOLDER + " or " + PLATFORM_FOLDER + " entries)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        List<Path> locations = new ArrayList<>();
        for (String folder : List.of(SERVICE_FOLDER, PLATFORM_FOLDER)) {
            Path dir = target.resolve(folder);
            if (Files.isDirectory(dir)) {
                locations.add(dir);
            }
        }
        return locations;
    }

    /** The default jar of a service in this repository: {@code services/NAME/target/NAME-*-exec.jar}. */
    static Path defaultJar(Path repoRoot, String service) {
        Path targetDir = repoRoot.resolve("services").resolve(service).resolve("target");
        try (var files = Files.list(targetDir)) {
            return files.filter(p -> p.getFileName().toString().matches("\\Q" + service + "\\E-.+-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> missing(service));
        } catch (IOException e) {
            throw missing(service);
        }
    }

    private static IllegalStateException missing(String service) {
        return new IllegalStateException("no runnable jar for " + service + "; build it first: ./mvnw -pl services/"
                + service + " -am package -DskipTests (or pass --jar / --location)");
    }

    private static int copyFrom(ZipInputStream zip, Path target, boolean outer) throws IOException {
        int copied = 0;
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            String name = entry.getName();
            if (outer && name.startsWith(BOOT_LIB) && name.endsWith(".jar")) {
                // Nested jars are read in place; ZipInputStream stops at the end of the entry.
                copied += copyFrom(new ZipInputStream(zip), target, false);
                continue;
            }
            String path = outer && name.startsWith(BOOT_CLASSES) ? name.substring(BOOT_CLASSES.length()) : name;
            if (entry.isDirectory() || !path.endsWith(".sql")
                    || !(path.startsWith(SERVICE_FOLDER) || path.startsWith(PLATFORM_FOLDER))) {
                continue;
            }
            Path file = target.resolve(path).normalize();
            if (!file.startsWith(target)) {
                throw new IOException("unsafe entry name " + name);
            }
            Files.createDirectories(file.getParent());
            Files.copy(zip, file);
            copied++;
        }
        return copied;
    }
}
