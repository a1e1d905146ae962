package uk.co.lomashwood.auth.password;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.Emails;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The password rules of spec 00 §3.2 / spec 10 §2.3 that need no stored state: length, composition,
 * no leading/trailing space, not containing the email local part or a name, not common, not a
 * keyboard walk, not breached. Reuse of the last 12 passwords is checked by {@link PasswordHistoryCheck}.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MIN_LENGTH_STAFF = 16;
    static final int MAX_LENGTH = 128;
    /** Names and local parts shorter than this are not searched for (too many false positives). */
    private static final int MIN_PERSONAL_TOKEN = 3;

    private final CommonPasswords commonPasswords;
    private final BreachedPasswordCheck breachCheck;

    public PasswordPolicy(CommonPasswords commonPasswords, BreachedPasswordCheck breachCheck) {
        this.commonPasswords = commonPasswords;
        this.breachCheck = breachCheck;
    }

    /** @throws ValidationException (400) listing every broken rule under {@code field} */
    public void check(String field, String candidate, PasswordContext context) {
        List<String> problems = violations(candidate, context);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.stream().map(p -> new FieldViolation(field, p)).toList());
        }
    }

    public List<String> violations(String candidate, PasswordContext context) {
        List<String> problems = new ArrayList<>();
        boolean staff = context.role() != null && context.role().isStaffAdmin();
        int minLength = staff ? MIN_LENGTH_STAFF : MIN_LENGTH;
        int length = candidate.codePointCount(0, candidate.length());
        if (length < minLength || length > MAX_LENGTH) {
            problems.add("must be between " + minLength + " and " + MAX_LENGTH + " characters");
        }
        if (!candidate.equals(candidate.strip())) {
            problems.add("must not start or end with a space");
        }
        compositionProblems(candidate, staff, problems);
        if (containsPersonalData(candidate, context)) {
            problems.add("must not contain your email address or name");
        }
        if (commonPasswords.isCommon(candidate)) {
            problems.add("is too common; choose something less predictable");
        }
        if (KeyboardWalks.containsWalk(candidate)) {
            problems.add("must not contain a keyboard or alphabet sequence such as 'qwerty' or '123456'");
        }
        if (problems.isEmpty() && breachCheck.isBreached(candidate)) {
            problems.add("has appeared in a data breach; choose a different password");
        }
        return problems;
    }

    private static void compositionProblems(String candidate, boolean staff, List<String> problems) {
        int upper = 0, lower = 0, digits = 0, specials = 0;
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (Character.isUpperCase(c)) upper++;
            else if (Character.isLowerCase(c)) lower++;
            else if (Character.isDigit(c)) digits++;
            else if (!Character.isWhitespace(c)) specials++;
        }
        int needed = staff ? 2 : 1;
        if (upper < 1) problems.add("must contain an upper-case letter");
        if (lower < 1) problems.add("must contain a lower-case letter");
        if (digits < needed) problems.add(staff ? "must contain at least 2 digits" : "must contain a digit");
        if (specials < needed) {
            problems.add(staff ? "must contain at least 2 special characters" : "must contain a special character");
        }
    }

    private static boolean containsPersonalData(String candidate, PasswordContext context) {
        String lower = candidate.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        if (context.email() != null) {
            tokens.add(Emails.localPart(context.email()));
        }
        tokens.add(context.firstName());
        tokens.add(context.lastName());
        return tokens.stream()
                .filter(t -> t != null && t.strip().length() >= MIN_PERSONAL_TOKEN)
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .anyMatch(lower::contains);
    }
}
