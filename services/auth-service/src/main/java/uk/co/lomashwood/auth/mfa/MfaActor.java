package uk.co.lomashwood.auth.mfa;

import uk.co.lomashwood.auth.token.MfaChallenge;
import uk.co.lomashwood.auth.user.User;

/** Who is enrolling an authenticator: a signed-in user, or staff holding the login's enrolment challenge. */
public record MfaActor(User user, MfaChallenge challengeOrNull) {

    boolean isEnrolmentChallenge() {
        return challengeOrNull != null;
    }
}
