package uk.co.lomashwood.auth.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.auth.password.PasswordConfirmation;
import uk.co.lomashwood.auth.session.SessionVerification;
import uk.co.lomashwood.auth.token.SigningKeys;
import uk.co.lomashwood.auth.user.Accounts;
import uk.co.lomashwood.auth.user.UserSummary;
import uk.co.lomashwood.platform.web.response.ApiResponse;

import java.util.Map;
import java.util.UUID;

/**
 * Routes for other services inside the VPC (the gateway answers 404 for {@code /internal/**}); every call
 * carries the internal token, checked by the platform filter.
 */
@RestController
public class InternalController {

    private final SigningKeys signingKeys;
    private final SessionVerification sessionVerification;
    private final Accounts accounts;
    private final PasswordConfirmation passwordConfirmation;

    public InternalController(SigningKeys signingKeys, SessionVerification sessionVerification, Accounts accounts,
                              PasswordConfirmation passwordConfirmation) {
        this.signingKeys = signingKeys;
        this.sessionVerification = sessionVerification;
        this.accounts = accounts;
        this.passwordConfirmation = passwordConfirmation;
    }

    /** A standard JWK Set (not enveloped): public keys {@code {kty, kid, use, alg, n, e}}. */
    @GetMapping(value = "/internal/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> jwks() {
        return signingKeys.current().publicJwkSet().toJSONObject(true);
    }

    /**
     * Always 200: {@code valid=false} with a reason (NOT_FOUND, REVOKED, EXPIRED, TOKEN_REVOKED,
     * USER_INACTIVE) when the session or token may not be used. {@code iat} (epoch seconds) is optional.
     */
    @GetMapping("/internal/sessions/{sessionId}/verify")
    public ApiResponse<SessionVerification.Result> verify(
            @PathVariable String sessionId,
            @RequestParam @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "is not a token id") String jti,
            @RequestParam(required = false) Long iat) {
        UUID id;
        try {
            id = UUID.fromString(sessionId);
        } catch (IllegalArgumentException e) {
            return ApiResponse.of(new SessionVerification.Result(false, null, null, "NOT_FOUND"));
        }
        return ApiResponse.of(sessionVerification.verify(id, jti, iat));
    }

    public record PasswordRequest(@NotNull @Size(min = 1, max = 128) String password) {
    }

    public record PasswordValidity(boolean valid) {
    }

    /** {@code { valid }}; 5 attempts per user in 15 minutes, then 429. */
    @PostMapping("/internal/users/{userId}/verify-password")
    public ApiResponse<PasswordValidity> verifyPassword(@PathVariable UUID userId,
                                                        @Valid @RequestBody PasswordRequest body) {
        return ApiResponse.of(new PasswordValidity(passwordConfirmation.confirm(userId, body.password())));
    }

    @GetMapping("/internal/users/{userId}")
    public ApiResponse<UserSummary> user(@PathVariable UUID userId) {
        return ApiResponse.of(UserSummary.of(accounts.get(userId)));
    }
}
