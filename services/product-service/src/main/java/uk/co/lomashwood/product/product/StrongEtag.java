package uk.co.lomashwood.product.product;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** A strong ETag from the exact response bytes, and the If-None-Match test against it. */
final class StrongEtag {

    private StrongEtag() {
    }

    static String of(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && (ifNoneMatch.trim().equals("*")
                || Arrays.stream(ifNoneMatch.split(",")).map(String::trim).anyMatch(etag::equals));
    }
}
