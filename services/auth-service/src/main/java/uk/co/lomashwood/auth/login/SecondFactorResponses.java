package uk.co.lomashwood.auth.login;

import uk.co.lomashwood.auth.token.MfaChallenge;

import java.util.List;

/** The two MFA answers of {@code POST /v1/auth/login} (spec 10 §2.4). */
public final class SecondFactorResponses {

    private SecondFactorResponses() {
    }

    public record MfaRequired(boolean mfaRequired, String mfaToken, List<String> mfaMethods, long expiresIn) {
    }

    public record MfaSetupRequired(boolean mfaSetupRequired, String mfaToken, long expiresIn) {
    }

    static Object of(LoginResult.SecondFactorNeeded needed) {
        return needed.purpose() == MfaChallenge.Purpose.VERIFY
                ? new MfaRequired(true, needed.mfaToken(), List.of("TOTP", "BACKUP_CODE"), MfaChallenge.LIFETIME_SECONDS)
                : new MfaSetupRequired(true, needed.mfaToken(), MfaChallenge.LIFETIME_SECONDS);
    }
}
