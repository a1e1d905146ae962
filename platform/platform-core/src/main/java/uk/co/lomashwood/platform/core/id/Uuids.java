package uk.co.lomashwood.platform.core.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** UUID generation: v4 for entity ids, v7 (time-ordered, RFC 9562) for event ids. */
public final class Uuids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuids() {
    }

    public static UUID v4() {
        return UUID.randomUUID();
    }

    public static UUID v7() {
        return v7(Clock.systemUTC());
    }

    public static UUID v7(Clock clock) {
        long millis = clock.millis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long msb = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long lsb = 0x8000000000000000L | (bytesToLong(random, 2) & 0x3FFFFFFFFFFFFFFFL);
        return new UUID(msb, lsb);
    }

    /** Parses a UUID, returning null for anything that is not one (never throws). */
    public static UUID parseOrNull(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long bytesToLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFFL);
        }
        return value;
    }
}
