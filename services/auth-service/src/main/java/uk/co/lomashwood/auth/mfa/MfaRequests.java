package uk.co.lomashwood.auth.mfa;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.co.lomashwood.platform.core.error.ValidationException;

/** Bodies of the MFA endpoints. */
public final class MfaRequests {

    static final int MAX_TOKEN = 4096;

    private MfaRequests() {
    }

    /** Exactly one of {@code code} (6 digits) and {@code backupCode} (8 characters). */
    public record Verify(@NotBlank @Size(max = MAX_TOKEN) String mfaToken,
                         @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String code,
                         @Pattern(regexp = "[A-Za-z0-9]{8}", message = "must be 8 letters or digits") String backupCode) {
        void requireOneCode() {
            if ((code == null) == (backupCode == null)) {
                throw ValidationException.of(code == null ? "code" : "backupCode",
                        "send either code or backupCode");
            }
        }
    }

    /** The login's enrolment {@code mfaToken}, or (signed in) the current password. */
    public record Setup(@Size(min = 1, max = MAX_TOKEN) String mfaToken, @Size(min = 1, max = 128) String password) {
        void requireOneProof() {
            if (mfaToken == null && password == null) {
                throw ValidationException.of("password", "send your password, or the mfaToken from sign-in");
            }
        }
    }

    public record Enable(@Size(min = 1, max = MAX_TOKEN) String mfaToken,
                         @NotNull @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String code) {
    }
}
