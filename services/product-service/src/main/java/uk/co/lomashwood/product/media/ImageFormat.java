package uk.co.lomashwood.product.media;

import java.util.Arrays;
import java.util.Optional;

/** Accepted upload formats, recognised by their magic bytes; the client's file name and type are ignored. */
enum ImageFormat {
    PNG("png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
    JPEG("jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    WEBP("webp", "image/webp", new byte[] {'R', 'I', 'F', 'F'});

    private final String extension;
    private final String contentType;
    private final byte[] magic;

    ImageFormat(String extension, String contentType, byte[] magic) {
        this.extension = extension;
        this.contentType = contentType;
        this.magic = magic;
    }

    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    static Optional<ImageFormat> sniff(byte[] content) {
        return Arrays.stream(values()).filter(f -> f.matches(content)).findFirst();
    }

    private boolean matches(byte[] content) {
        if (content.length < 12 || !Arrays.equals(content, 0, magic.length, magic, 0, magic.length)) {
            return false;
        }
        return this != WEBP || (content[8] == 'W' && content[9] == 'E' && content[10] == 'B' && content[11] == 'P');
    }
}
