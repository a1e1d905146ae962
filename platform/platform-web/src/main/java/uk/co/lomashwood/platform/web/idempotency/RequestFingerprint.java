package uk.co.lomashwood.platform.web.idempotency;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Method + path + SHA-256 of the canonicalised JSON body (spec 00 §1.6): key order and whitespace
 * do not change the fingerprint; any value does. A body that is not JSON is hashed as bytes.
 */
final class RequestFingerprint {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private RequestFingerprint() {
    }

    static String of(String method, String path, byte[] body) {
        byte[] canonical = canonicalise(body);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(canonical);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] canonicalise(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try {
            JsonNode tree = CANONICAL.readTree(body);
            return CANONICAL.writeValueAsBytes(tree);
        } catch (JacksonException e) {
            return body;
        }
    }
}
