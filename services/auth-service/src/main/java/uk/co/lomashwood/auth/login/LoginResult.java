package uk.co.lomashwood.auth.login;

import uk.co.lomashwood.auth.session.IssuedTokens;
import uk.co.lomashwood.auth.token.MfaChallenge;
import uk.co.lomashwood.auth.user.User;

/** A password accepted: either signed in, or a second factor (or its enrolment) is needed first. */
public sealed interface LoginResult {

    record SignedIn(User user, IssuedTokens tokens) implements LoginResult {
    }

    record SecondFactorNeeded(String mfaToken, MfaChallenge.Purpose purpose) implements LoginResult {
    }
}
