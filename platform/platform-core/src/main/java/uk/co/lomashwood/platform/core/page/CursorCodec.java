package uk.co.lomashwood.platform.core.page;

import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The opaque keyset cursor of spec 00 §1.3: a base64url token holding the sort-key values of the
 * last row, its id as tie-breaker, and a fingerprint of the filters and sort it was made for, so a
 * cursor replayed against another query is refused with {@code INVALID_CURSOR}.
 */
public final class CursorCodec {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String VERSION = "c1";
    private static final int MAX_LENGTH = 2048;

    private CursorCodec() {
    }

    /** The decoded position: the last row's sort values (as strings) and its id. */
    public record Position(List<String> sortValues, UUID id) {
    }

    public static String encode(String queryFingerprint, List<String> sortValues, UUID id) {
        List<String> parts = new ArrayList<>();
        parts.add(VERSION);
        parts.add(part(queryFingerprint));
        parts.add(id.toString());
        sortValues.forEach(v -> parts.add(v == null ? "~" : part(v)));
        return ENCODER.encodeToString(String.join(".", parts).getBytes(StandardCharsets.UTF_8));
    }

    public static Position decode(String cursor, String expectedFingerprint, int expectedSortValues) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\.", -1);
            if (parts.length != 3 + expectedSortValues || !VERSION.equals(parts[0])
                    || !expectedFingerprint.equals(unpart(parts[1]))) {
                throw invalid();
            }
            UUID id = UUID.fromString(parts[2]);
            List<String> values = new ArrayList<>();
            for (int i = 3; i < parts.length; i++) {
                values.add("~".equals(parts[i]) ? null : unpart(parts[i]));
            }
            return new Position(values, id);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static String part(String value) {
        return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String unpart(String value) {
        return new String(DECODER.decode(value), StandardCharsets.UTF_8);
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_CURSOR,
                "The cursor is malformed, stale or was made for other filters; restart without a cursor.");
    }
}
