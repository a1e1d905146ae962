package uk.co.lomashwood.tools.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The checkout the checks run on: its root and its source files, build output and dependencies left out. */
public record Repository(Path root) {

    private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules", "cdk.out", ".data", ".idea");

    /** The repository containing the working directory (the folder holding {@code mvnw}). */
    public static Repository current() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the repository (no mvnw above " + Path.of("").toAbsolutePath() + ")");
        }
        return new Repository(dir);
    }

    /** Files under {@code folder} whose repository-relative path (with {@code /}) matches. */
    public List<Path> files(String folder, Predicate<String> relativePath) {
        Path start = root.resolve(folder);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return SKIPPED.contains(dir.getFileName().toString()) && !dir.equals(start)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (relativePath.test(relative(file))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    public String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    public String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
