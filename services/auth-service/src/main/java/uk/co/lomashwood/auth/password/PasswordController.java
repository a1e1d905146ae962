package uk.co.lomashwood.auth.password;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.support.Emails;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.web.response.ApiResponse;

import java.util.Locale;

/** {@code POST /v1/auth/forgot-password} and {@code POST /v1/auth/reset-password}. */
@RestController
public class PasswordController {

    private final ForgotPassword forgotPassword;
    private final ResetPassword resetPassword;

    public PasswordController(ForgotPassword forgotPassword, ResetPassword resetPassword) {
        this.forgotPassword = forgotPassword;
        this.resetPassword = resetPassword;
    }

    public record ForgotRequest(
            @NotBlank @Size(max = Emails.MAX_LENGTH) @Pattern(regexp = Emails.PATTERN, message = "must be a valid email address")
            String email) {
        public ForgotRequest {
            email = Emails.normalise(email);
        }
    }

    public record ResetRequest(@NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "is not a reset token") String token,
                               @NotNull @Size(min = 1, max = 128) String newPassword,
                               @NotNull @Size(min = 1, max = 128) String confirmPassword) {
        void requireMatch() {
            if (!newPassword.equals(confirmPassword)) {
                throw ValidationException.of("confirmPassword", "must match newPassword");
            }
        }
    }

    public record MessageResponse(String message) {
    }

    @PostMapping("/v1/auth/forgot-password")
    public ApiResponse<MessageResponse> forgot(@Valid @RequestBody ForgotRequest body, HttpServletRequest request) {
        forgotPassword.request(body.email(), ClientInfo.of(request));
        return ApiResponse.of(new MessageResponse(
                "If an account exists for that email address, we have sent a link to reset the password."));
    }

    @PostMapping("/v1/auth/reset-password")
    public ApiResponse<MessageResponse> reset(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
        body.requireMatch();
        resetPassword.reset(body.token().toLowerCase(Locale.ROOT), body.newPassword(), ClientInfo.of(request));
        return ApiResponse.of(new MessageResponse("Your password has been changed. Please sign in again."));
    }
}
