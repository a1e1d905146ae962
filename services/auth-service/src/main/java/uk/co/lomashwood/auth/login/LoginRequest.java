package uk.co.lomashwood.auth.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.auth.support.Emails;

/** {@code POST /v1/auth/login} body; the email is trimmed and lower-cased before validation. */
public record LoginRequest(
        @NotBlank @Size(max = Emails.MAX_LENGTH) @Pattern(regexp = Emails.PATTERN, message = "must be a valid email address")
        String email,
        @NotNull @Size(min = 1, max = 128) String password) {

    public LoginRequest {
        email = Emails.normalise(email);
    }
}
