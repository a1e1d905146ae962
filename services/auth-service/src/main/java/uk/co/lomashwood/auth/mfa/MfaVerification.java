package uk.co.lomashwood.auth.mfa;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.login.LoginFailures;
import uk.co.lomashwood.auth.login.SignIn;
import uk.co.lomashwood.auth.session.IssuedTokens;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.token.MfaChallenge;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

/**
 * The second step of a staff or MFA sign-in: a TOTP code or a backup code against the login's
 * {@code mfaToken}. Wrong codes count per token (3 void it), per user (3 in 15 min block MFA for
 * 30 min) and toward the account lockout; the session is opened only here.
 */
@Component
public class MfaVerification {

    private final MfaActors actors;
    private final Authenticators authenticators;
    private final BackupCodes backupCodes;
    private final MfaAttempts attempts;
    private final LoginFailures failures;
    private final SignIn signIn;
    private final AuditTrail audit;

    public MfaVerification(MfaActors actors, Authenticators authenticators, BackupCodes backupCodes,
                           MfaAttempts attempts, LoginFailures failures, SignIn signIn, AuditTrail audit) {
        this.actors = actors;
        this.authenticators = authenticators;
        this.backupCodes = backupCodes;
        this.attempts = attempts;
        this.failures = failures;
        this.signIn = signIn;
        this.audit = audit;
    }

    public record Verified(User user, IssuedTokens tokens) {
    }

    @Transactional(noRollbackFor = ApiException.class)
    public Verified verify(String mfaToken, String codeOrNull, String backupCodeOrNull, ClientInfo client) {
        MfaActor actor = actors.fromChallenge(mfaToken, MfaChallenge.Purpose.VERIFY);
        User user = actor.user();
        boolean accepted = codeOrNull != null
                ? authenticators.verify(user.id(), codeOrNull)
                : backupCodes.consume(user.id(), backupCodeOrNull);
        if (!accepted) {
            attempts.recordFailure(actor.challengeOrNull());
            audit.record(AuditEntry.failure(AuditAction.MFA_FAILED, user.id(), client,
                    codeOrNull != null ? "WRONG_TOTP_CODE" : "WRONG_BACKUP_CODE"));
            failures.record(user, client, "WRONG_MFA_CODE");
            throw new ApiException(ErrorCode.INVALID_MFA_CODE, "The code is incorrect.");
        }
        attempts.recordSuccess(actor.challengeOrNull());
        audit.record(AuditEntry.success(AuditAction.MFA_VERIFIED, user.id(), client)
                .with("method", codeOrNull != null ? "TOTP" : "BACKUP_CODE"));
        return new Verified(user, signIn.complete(user, client, true));
    }
}
