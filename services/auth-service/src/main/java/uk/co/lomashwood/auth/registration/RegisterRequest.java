package uk.co.lomashwood.auth.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.auth.support.Emails;
import uk.co.lomashwood.auth.support.Strings;

/**
 * {@code POST /v1/auth/register} body (spec 10 §2.3): email trimmed and lower-cased, names trimmed
 * (2–50 letters, spaces, apostrophes, dots, hyphens), phone optional (7–20 characters as typed). The
 * password rules are applied by the password policy.
 */
public record RegisterRequest(
        @NotBlank @Size(max = Emails.MAX_LENGTH) @Pattern(regexp = Emails.PATTERN, message = "must be a valid email address")
        String email,
        @NotNull @Size(min = 1, max = 128) String password,
        @NotBlank @Size(min = 2, max = 50) @Pattern(regexp = NAME, message = NAME_MESSAGE) String firstName,
        @NotBlank @Size(min = 2, max = 50) @Pattern(regexp = NAME, message = NAME_MESSAGE) String lastName,
        @Size(min = 7, max = 20) String phone) {

    static final String NAME = "^[\\p{L}\\p{M}][\\p{L}\\p{M}' .-]*$";
    static final String NAME_MESSAGE = "may contain letters, spaces, apostrophes, dots and hyphens";

    public RegisterRequest {
        email = Emails.normalise(email);
        firstName = Strings.trim(firstName);
        lastName = Strings.trim(lastName);
        phone = Strings.trimToNull(phone);
    }
}
