package uk.co.lomashwood.appointment.showroom;

import uk.co.lomashwood.platform.core.error.ValidationException;

import java.util.Locale;
import java.util.regex.Pattern;

/** UK postcodes stored upper-case with a single space before the inward code: {@code SW1A 1AA}. */
public final class Postcodes {

    private static final Pattern UK = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");

    private Postcodes() {
    }

    public static String normalise(String raw) {
        String compact = raw == null ? "" : raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!UK.matcher(compact).matches()) {
            throw ValidationException.of("postcode", "must be a UK postcode");
        }
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    /** The outward code, e.g. {@code SW1A} of {@code SW1A 1AA}. */
    public static String outward(String normalised) {
        int space = normalised.indexOf(' ');
        return space < 0 ? normalised : normalised.substring(0, space);
    }
}
