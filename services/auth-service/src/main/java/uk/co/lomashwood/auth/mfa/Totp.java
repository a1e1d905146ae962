package uk.co.lomashwood.auth.mfa;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * TOTP (RFC 6238) over HOTP (RFC 4226) with HMAC-SHA1, 6 digits, 30-second steps and a ±1 step window
 * (spec 10 §2.5.7). Stateless; replay protection (a step used once is not accepted again) is up to the
 * caller, which gets the matched step back.
 *
 * <p>Developers can print the current code of a secret (for example a demo account's) with JDK 22+:
 * {@code java services/auth-service/src/main/java/uk/co/lomashwood/auth/mfa/Totp.java BASE32SECRET}, or with
 * {@code oathtool --totp -b BASE32SECRET}, or any authenticator app.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    public static final int WINDOW = 1;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The HOTP value of {@code counter} with {@code digits} digits (RFC 4226 §5.3 dynamic truncation). */
    public static String code(byte[] key, long counter, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0F;
            int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
                    | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
            String value = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - value.length()) + value;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    public static String codeAt(byte[] key, Instant time) {
        return code(key, step(time), DIGITS);
    }

    /** The step (within ±{@value #WINDOW} of now) whose code equals {@code candidate}, compared in constant time. */
    public static OptionalLong matchingStep(byte[] key, String candidate, Instant now) {
        if (candidate == null || !candidate.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong match = OptionalLong.empty();
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            if (MessageDigest.isEqual(code(key, s, DIGITS).getBytes(), candidate.getBytes()) && match.isEmpty()) {
                match = OptionalLong.of(s);
            }
        }
        return match;
    }

    /** Prints the current code of a base32 secret: {@code java Totp.java SECRET}. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java Totp.java BASE32SECRET");
            System.exit(2);
        }
        Instant now = Instant.now();
        long remaining = STEP_SECONDS - Math.floorMod(now.getEpochSecond(), STEP_SECONDS);
        System.out.println(codeAt(Base32.decode(args[0]), now) + "  (valid for " + remaining + " s more)");
    }
}
