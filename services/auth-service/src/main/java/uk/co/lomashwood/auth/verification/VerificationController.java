package uk.co.lomashwood.auth.verification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.support.Emails;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.web.response.ApiResponse;

/** {@code POST /v1/auth/verify-email} and {@code POST /v1/auth/resend-verification}. */
@RestController
public class VerificationController {

    private final EmailVerification verification;

    public VerificationController(EmailVerification verification) {
        this.verification = verification;
    }

    /** Either {@code token} (from the link) or {@code email} + {@code otp} (the 6-digit code). */
    public record VerifyEmailRequest(
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "is not a verification token") String token,
            @Size(max = Emails.MAX_LENGTH) @Pattern(regexp = Emails.PATTERN, message = "must be a valid email address")
            String email,
            @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String otp) {

        public VerifyEmailRequest {
            email = Emails.normalise(email);
        }

        void requireOneProof() {
            boolean byLink = token != null && email == null && otp == null;
            boolean byCode = token == null && email != null && otp != null;
            if (!byLink && !byCode) {
                throw ValidationException.of(token != null ? "token" : (email == null ? "email" : "otp"),
                        "send either token, or email and otp");
            }
        }
    }

    public record ResendRequest(
            @NotBlank @Size(max = Emails.MAX_LENGTH) @Pattern(regexp = Emails.PATTERN, message = "must be a valid email address")
            String email) {

        public ResendRequest {
            email = Emails.normalise(email);
        }
    }

    public record VerifiedResponse(String message, boolean emailVerified) {
    }

    public record MessageResponse(String message) {
    }

    @PostMapping("/v1/auth/verify-email")
    public ApiResponse<VerifiedResponse> verify(@Valid @RequestBody VerifyEmailRequest body, HttpServletRequest request) {
        body.requireOneProof();
        if (body.token() != null) {
            verification.verifyByLink(body.token().toLowerCase(java.util.Locale.ROOT), ClientInfo.of(request));
        } else {
            verification.verifyByCode(body.email(), body.otp(), ClientInfo.of(request));
        }
        return ApiResponse.of(new VerifiedResponse("Your email address is verified. You can now sign in.", true));
    }

    @PostMapping("/v1/auth/resend-verification")
    public ApiResponse<MessageResponse> resend(@Valid @RequestBody ResendRequest body) {
        verification.resend(body.email());
        return ApiResponse.of(new MessageResponse(
                "If an account with that email address is waiting for verification, we have sent a new email."));
    }
}
