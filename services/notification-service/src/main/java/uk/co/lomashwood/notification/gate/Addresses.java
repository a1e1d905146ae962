package uk.co.lomashwood.notification.gate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Normalising, hashing and masking of email addresses and phone numbers (logs never carry full addresses). */
public final class Addresses {

    private Addresses() {
    }

    public static String normalise(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }

    public static String hash(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalise(address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code j***@example.com}, {@code +44******789}. */
    public static String mask(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        if (address.length() <= 6) {
            return "***";
        }
        return address.substring(0, 3) + "*".repeat(address.length() - 6) + address.substring(address.length() - 3);
    }
}
