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
import uk.co.lomashwood.auth.session.CurrentAccessToken;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.support.Emails;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.auth.token.AccessToken;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;
import java.util.Locale;

/** {@code POST /v1/auth/forgot-password}, {@code /reset-password} and {@code /change-password}. */
@RestController
public class PasswordController {

    private final ForgotPassword forgotPassword;
    private final ResetPassword resetPassword;
    private final ChangePassword changePassword;
    private final Clock clock;

    public PasswordController(ForgotPassword forgotPassword, ResetPassword resetPassword, ChangePassword changePassword,
                              Clock clock) {
        this.forgotPassword = forgotPassword;
        this.resetPassword = resetPassword;
        this.changePassword = changePassword;
        this.clock = clock;
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

    public record ChangeRequest(@NotNull @Size(min = 1, max = 128) String currentPassword,
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

    public record ChangedResponse(String message, String accessToken, long expiresIn) {
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

    @PostMapping("/v1/auth/change-password")
    public ApiResponse<ChangedResponse> change(UserContext caller, @Valid @RequestBody ChangeRequest body,
                                               HttpServletRequest request) {
        body.requireMatch();
        AccessToken token = changePassword.change(caller, body.currentPassword(), body.newPassword(),
                CurrentAccessToken.from(request, clock), ClientInfo.of(request));
        return ApiResponse.of(new ChangedResponse("Your password has been changed; your other sessions were signed out.",
                token.value(), AccessToken.LIFETIME_SECONDS));
    }
}
