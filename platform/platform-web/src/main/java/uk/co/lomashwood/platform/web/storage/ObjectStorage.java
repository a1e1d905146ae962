package uk.co.lomashwood.platform.web.storage;

import java.time.Duration;
import java.util.Optional;

/**
 * Where uploaded and generated media live (spec 00 §5.7): the local filesystem under
 * {@code ${LOMASH_DATA_DIR}/media} by default, S3 when a bucket is configured. Keys are server-made
 * ({@code media/2026/11/<uuid>.jpg}); callers never pass client file names.
 */
public interface ObjectStorage {

    /** Stores {@code content} under {@code key} (overwriting) and returns its public URL. */
    String put(String key, byte[] content, String contentType);

    /** The stored bytes, or empty when nothing is stored under {@code key}. */
    Optional<StoredObject> get(String key);

    boolean exists(String key);

    /** The URL a browser fetches the object from (the CDN host in AWS). */
    String publicUrl(String key);

    /** A time-limited URL for a direct upload; the local store has none and answers empty. */
    Optional<String> presignedPutUrl(String key, String contentType, Duration validity);

    /**
     * A time-limited URL to download a private object directly (invoice PDFs); the local store has none and
     * answers empty, so callers stream {@link #get} instead.
     */
    Optional<String> presignedGetUrl(String key, Duration validity);

    record StoredObject(byte[] content, String contentType) {
    }
}
