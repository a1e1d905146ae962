package uk.co.lomashwood.auth.support;

import java.util.Optional;
import java.util.regex.Pattern;

/** Phone numbers in E.164 (spec 10 §2.3): separators removed, a leading UK {@code 0} becomes {@code +44}. */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");

    private PhoneNumbers() {
    }

    /** The E.164 form, or empty when the input cannot be one. */
    public static Optional<String> toE164(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(typed).replaceAll("");
        if (compact.startsWith("0") && !compact.startsWith("00")) {
            compact = "+44" + compact.substring(1);
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }
}
