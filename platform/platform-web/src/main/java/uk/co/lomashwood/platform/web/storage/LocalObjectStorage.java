package uk.co.lomashwood.platform.web.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/** Files under a root folder; the content type travels in a sibling {@code .type} file. */
public class LocalObjectStorage implements ObjectStorage {

    private final Path root;
    private final String publicBaseUrl;

    public LocalObjectStorage(Path root, String publicBaseUrl) {
        this.root = root.toAbsolutePath().normalize();
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    @Override
    public String put(String key, byte[] content, String contentType) {
        Path file = resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".upload", ".tmp");
            Files.write(temp, content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(typeFile(file), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return publicUrl(key);
    }

    @Override
    public Optional<StoredObject> get(String key) {
        if (!ObjectKeys.isSafe(key)) {
            return Optional.empty();
        }
        Path file = resolve(key);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Path type = typeFile(file);
            String contentType = Files.exists(type) ? Files.readString(type) : "application/octet-stream";
            return Optional.of(new StoredObject(Files.readAllBytes(file), contentType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String key) {
        return ObjectKeys.isSafe(key) && Files.isRegularFile(resolve(key));
    }

    @Override
    public String publicUrl(String key) {
        return publicBaseUrl + "/" + ObjectKeys.require(key);
    }

    @Override
    public Optional<String> presignedPutUrl(String key, String contentType, Duration validity) {
        return Optional.empty();
    }

    @Override
    public Optional<String> presignedGetUrl(String key, Duration validity) {
        return Optional.empty();
    }

    private Path resolve(String key) {
        Path file = root.resolve(ObjectKeys.require(key)).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("unsafe object key");
        }
        return file;
    }

    private static Path typeFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".type");
    }
}
