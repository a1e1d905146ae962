package uk.co.lomashwood.auth.support;

import java.util.Locale;

/** Email addresses as the platform stores them: trimmed, lower-cased, at most 254 characters (spec 00 §3.7). */
public final class Emails {

    /**
     * A practical RFC 5322 subset: dot-atom local part and a dotted domain of LDH labels with a
     * two-letter-or-longer top-level label. Quoted local parts and IP literals are refused.
     */
    public static final String PATTERN =
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$";

    public static final int MAX_LENGTH = 254;

    private Emails() {
    }

    /** Trimmed and lower-cased; null stays null so that bean validation reports the missing field. */
    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The part before the last {@code @}. */
    public static String localPart(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }

    /** For logs (spec 00 §3.14): the first two characters of the local part, then {@code ***}. */
    public static String mask(String email) {
        if (email == null) {
            return null;
        }
        String local = localPart(email);
        String domain = email.substring(Math.min(email.length(), local.length()));
        return local.substring(0, Math.min(2, local.length())) + "***" + domain;
    }
}
