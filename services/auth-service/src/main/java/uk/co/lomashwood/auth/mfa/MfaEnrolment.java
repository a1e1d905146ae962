package uk.co.lomashwood.auth.mfa;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.login.SignIn;
import uk.co.lomashwood.auth.session.IssuedTokens;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.token.MfaChallenge;
import uk.co.lomashwood.auth.user.MfaMethod;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Authenticator enrolment (spec 10 §2.5.7): setup creates an unconfirmed seed and shows it as a secret,
 * an {@code otpauth://} URL and a QR code; enable confirms it with one code, switches MFA on, returns 10
 * backup codes once and publishes {@code auth.mfa.changed}. Staff enrolling with the login challenge are
 * signed in by the same call.
 */
@Component
public class MfaEnrolment {

    static final String ISSUER = "Lomash Wood";

    private final MfaActors actors;
    private final Authenticators authenticators;
    private final BackupCodes backupCodes;
    private final MfaAttempts attempts;
    private final SignIn signIn;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final Clock clock;

    public MfaEnrolment(MfaActors actors, Authenticators authenticators, BackupCodes backupCodes, MfaAttempts attempts, SignIn signIn,
                        AuditTrail audit, AuthEvents events, Clock clock) {
        this.actors = actors;
        this.authenticators = authenticators;
        this.backupCodes = backupCodes;
        this.attempts = attempts;
        this.signIn = signIn;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public record Setup(String secret, String otpauthUrl, String qrCodeDataUrl) {
    }

    /** Backup codes, plus the session tokens when the enrolment signed the user in. */
    public record Enabled(User user, List<String> backupCodes, IssuedTokens tokensOrNull) {
    }

    /** With the enrolment {@code mfaToken}, or signed in with the current password. */
    @Transactional
    public Setup setup(UserContext caller, String mfaTokenOrNull, String passwordOrNull) {
        MfaActor actor = mfaTokenOrNull != null ? actors.fromChallenge(mfaTokenOrNull, MfaChallenge.Purpose.ENROL)
                : actors.signedIn(caller, passwordOrNull, true);
        User user = actor.user();
        refuseIfEnabled(user);
        String secret = authenticators.startSetup(user.id());
        String label = URLEncoder.encode(ISSUER + ":" + user.email(), StandardCharsets.UTF_8).replace("+", "%20");
        String url = "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + URLEncoder.encode(ISSUER, StandardCharsets.UTF_8).replace("+", "%20")
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new Setup(secret, url, QrCodes.svgDataUrl(url));
    }

    @Transactional(noRollbackFor = ApiException.class)
    public Enabled enable(UserContext caller, String mfaTokenOrNull, String code, ClientInfo client) {
        MfaActor actor = mfaTokenOrNull != null ? actors.fromChallenge(mfaTokenOrNull, MfaChallenge.Purpose.ENROL)
                : actors.signedIn(caller, null, false);
        User user = actor.user();
        refuseIfEnabled(user);
        switch (authenticators.confirmSetup(user.id(), code)) {
            case NO_PENDING_SETUP -> throw new ApiException(ErrorCode.MFA_SETUP_INCOMPLETE,
                    "Start with the authenticator setup step.");
            case WRONG_CODE -> {
                if (actor.isEnrolmentChallenge()) {
                    attempts.recordFailure(actor.challengeOrNull());
                }
                audit.record(AuditEntry.failure(AuditAction.MFA_FAILED, user.id(), client, "WRONG_SETUP_CODE"));
                throw new ApiException(ErrorCode.INVALID_MFA_CODE, "The code is incorrect.");
            }
            case CONFIRMED -> { }
        }
        user.enableMfa(MfaMethod.TOTP, clock);
        List<String> codes = backupCodes.regenerate(user.id());
        audit.record(AuditEntry.success(AuditAction.MFA_ENABLED, user.id(), client).with("method", MfaMethod.TOTP));
        events.publish(MfaEvents.CHANGED, user.id(), new MfaEvents.Changed(user.id(), true, "TOTP", clock.instant()));
        if (!actor.isEnrolmentChallenge()) {
            return new Enabled(user, codes, null);
        }
        attempts.recordSuccess(actor.challengeOrNull());
        return new Enabled(user, codes, signIn.complete(user, client, true));
    }

    private static void refuseIfEnabled(User user) {
        if (user.mfaEnabled()) {
            throw new ApiException(ErrorCode.MFA_ALREADY_ENABLED, "Two-step verification is already on.");
        }
    }
}
