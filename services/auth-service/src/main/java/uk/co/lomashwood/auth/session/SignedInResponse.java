package uk.co.lomashwood.auth.session;

import uk.co.lomashwood.auth.token.AccessToken;
import uk.co.lomashwood.auth.user.User;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a completed sign-in (login without MFA, {@code mfa/verify}, staff enrolment):
 * {@code refreshToken} is set only for {@code X-Client-Type: mobile}; browsers get the cookie.
 */
public record SignedInResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                               SignedInUser user) {

    public record SignedInUser(UUID id, String email, String firstName, String lastName, String role,
                               boolean emailVerified, boolean mfaEnabled, Instant lastLoginAt, Instant createdAt) {
        static SignedInUser of(User user) {
            return new SignedInUser(user.id(), user.email(), user.firstName(), user.lastName(), user.role().name(),
                    user.emailVerified(), user.mfaEnabled(), user.lastLoginAt(), user.createdAt());
        }
    }

    public static SignedInResponse of(User user, AccessToken token, String refreshTokenForBody) {
        return new SignedInResponse(token.value(), "Bearer", AccessToken.LIFETIME_SECONDS, refreshTokenForBody,
                SignedInUser.of(user));
    }
}
