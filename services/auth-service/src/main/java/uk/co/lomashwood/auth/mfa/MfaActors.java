package uk.co.lomashwood.auth.mfa;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.password.PasswordHasher;
import uk.co.lomashwood.auth.token.MfaChallenge;
import uk.co.lomashwood.auth.token.MfaChallengeTokens;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.auth.user.UserRepository;
import uk.co.lomashwood.auth.user.UserStatus;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;

/** Resolves the caller of the MFA endpoints from an {@code mfaToken} or from the gateway identity. */
@Component
class MfaActors {

    private final MfaChallengeTokens tokens;
    private final MfaAttempts attempts;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    MfaActors(MfaChallengeTokens tokens, MfaAttempts attempts, UserRepository users, PasswordHasher hasher, Clock clock) {
        this.tokens = tokens;
        this.attempts = attempts;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** A live challenge of the given purpose whose user may still sign in; else 401 MFA_TOKEN_EXPIRED. */
    MfaActor fromChallenge(String mfaToken, MfaChallenge.Purpose purpose) {
        MfaChallenge challenge = tokens.read(mfaToken).filter(c -> c.purpose() == purpose)
                .orElseThrow(MfaAttempts::expired);
        attempts.assertUsable(challenge);
        User user = users.findById(challenge.userId())
                .filter(u -> u.status() == UserStatus.ACTIVE && !u.isLocked(clock))
                .orElseThrow(MfaAttempts::expired);
        return new MfaActor(user, challenge);
    }

    /** The signed-in caller; with {@code passwordOrNull} it must be their current password (422 otherwise). */
    MfaActor signedIn(UserContext caller, String passwordOrNull, boolean passwordRequired) {
        User user = users.findById(caller.requireUserId())
                .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "No such user."));
        if (passwordRequired && !hasher.matches(passwordOrNull, user.passwordHash())) {
            throw new ApiException(ErrorCode.INVALID_CURRENT_PASSWORD, "The password is incorrect.");
        }
        return new MfaActor(user, null);
    }
}
