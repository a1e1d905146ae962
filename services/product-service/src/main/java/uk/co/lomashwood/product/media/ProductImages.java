package uk.co.lomashwood.product.media;

import org.springframework.stereotype.Service;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.storage.ObjectStorage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Product images on content-addressed keys {@code products/images/<sha256>.<ext>}, so they never need invalidating. */
@Service
public class ProductImages {

    static final String PREFIX = "products/images/";
    private static final int MAX_BYTES = 10 * 1024 * 1024;

    private final ObjectStorage storage;

    public ProductImages(ObjectStorage storage) {
        this.storage = storage;
    }

    /** Stores the image (once per content) and returns its public URL. */
    public String store(byte[] content, String extension, String contentType) {
        String key = PREFIX + sha256(content) + "." + extension;
        if (!storage.exists(key)) {
            storage.put(key, content, contentType);
        }
        return storage.publicUrl(key);
    }

    /** An admin upload: PNG, JPEG or WebP by content, at most 10 MB; returns the public URL. */
    public String upload(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new ApiException(ErrorCode.FILE_TOO_LARGE, "Images are limited to 10 MB.");
        }
        ImageFormat format = ImageFormat.sniff(content).orElseThrow(() -> new ApiException(ErrorCode.INVALID_FILE_TYPE,
                "Upload a PNG, JPEG or WebP image."));
        return store(content, format.extension(), format.contentType());
    }

    public Optional<ObjectStorage.StoredObject> read(String fileName) {
        return storage.get(PREFIX + fileName);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
