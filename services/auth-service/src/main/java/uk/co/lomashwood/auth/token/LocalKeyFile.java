package uk.co.lomashwood.auth.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** The local JWK Set file: read if present, written atomically with owner-only permissions (600). */
final class LocalKeyFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;

    LocalKeyFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    Optional<SigningKeySet> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            restrictPermissions(path);
            return Optional.of(SigningKeySet.parse(Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JWT signing keys at " + path, e);
        }
    }

    void write(SigningKeySet keys) {
        try {
            Files.createDirectories(path.getParent());
            Path temp = posix()
                    ? Files.createTempFile(path.getParent(), ".jwt-keys", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(path.getParent(), ".jwt-keys", ".tmp");
            Files.writeString(temp, keys.toPrivateJson(), StandardCharsets.UTF_8);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the JWT signing keys to " + path, e);
        }
    }

    private static void restrictPermissions(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
