package uk.co.lomashwood.tools.migrate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small jars laid out like a Spring Boot runnable jar. */
final class TestJars {

    private TestJars() {
    }

    /** A runnable jar with the given service files under BOOT-INF/classes and one platform jar in BOOT-INF/lib. */
    static Path bootJar(Path dir, Map<String, String> serviceFiles, Map<String, String> platformFiles) throws IOException {
        Path jar = dir.resolve("svc-0.1.0-exec.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            put(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
            for (var e : serviceFiles.entrySet()) {
                put(zip, "BOOT-INF/classes/" + e.getKey(), e.getValue());
            }
            zip.putNextEntry(new ZipEntry("BOOT-INF/lib/platform-web-0.1.0.jar"));
            zip.write(plainJar(platformFiles));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("BOOT-INF/lib/unrelated-1.0.jar"));
            zip.write(plainJar(Map.of("org/example/schema.sql", "DROP TABLE everything;")));
            zip.closeEntry();
        }
        return jar;
    }

    static byte[] plainJar(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
