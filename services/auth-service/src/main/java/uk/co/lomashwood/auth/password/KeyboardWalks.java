package uk.co.lomashwood.auth.password;

import java.util.List;
import java.util.Locale;

/** Detects runs along a keyboard row or the alphabet ({@code qwerty}, {@code 654321}, {@code abcdef}). */
final class KeyboardWalks {

    /** Runs of this many neighbouring keys make a password a keyboard walk. */
    static final int MIN_RUN = 6;

    private static final List<String> ROWS = List.of(
            "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz",
            "qazwsx", "1qaz2wsx3edc4rfv");

    private KeyboardWalks() {
    }

    static boolean containsWalk(String candidate) {
        String lower = candidate.toLowerCase(Locale.ROOT);
        for (String row : ROWS) {
            if (hasRun(lower, row) || hasRun(lower, new StringBuilder(row).reverse().toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRun(String value, String row) {
        for (int start = 0; start + MIN_RUN <= row.length(); start++) {
            if (value.contains(row.substring(start, start + MIN_RUN))) {
                return true;
            }
        }
        return false;
    }
}
