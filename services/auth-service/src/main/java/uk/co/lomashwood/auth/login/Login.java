package uk.co.lomashwood.auth.login;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.password.PasswordHasher;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.token.MfaChallenge;
import uk.co.lomashwood.auth.token.MfaChallengeTokens;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.auth.user.UserRepository;
import uk.co.lomashwood.auth.user.UserStatus;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.util.Optional;

/**
 * Sign-in with email and password, checks in the order of spec 10 §2.5.2: unknown email, lock, password,
 * status, second factor, success. Unknown email, wrong password and a locked account give the same
 * answer after the same work (one Argon2id verification). Failures commit their counters before 401.
 */
@Component
public class Login {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginFailures failures;
    private final LoginHistory history;
    private final SignIn signIn;
    private final MfaChallengeTokens mfaTokens;
    private final AuditTrail audit;
    private final FailureAlerts alerts;
    private final Clock clock;

    public Login(UserRepository users, PasswordHasher hasher, LoginFailures failures, LoginHistory history,
                 SignIn signIn, MfaChallengeTokens mfaTokens, AuditTrail audit, FailureAlerts alerts, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.failures = failures;
        this.history = history;
        this.signIn = signIn;
        this.mfaTokens = mfaTokens;
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = ApiException.class)
    public LoginResult login(String email, String password, ClientInfo client) {
        Optional<User> found = users.findByEmail(email);
        if (found.isEmpty() || found.get().status() == UserStatus.DELETED || found.get().passwordHash() == null) {
            hasher.dummyVerify(password);
            history.failed(found.map(User::id).orElse(null), email, client, "UNKNOWN_ACCOUNT");
            audit.record(AuditEntry.failure(AuditAction.USER_LOGIN_FAILED, found.map(User::id).orElse(null), client,
                    "UNKNOWN_ACCOUNT"));
            alerts.failed(client);
            throw invalidCredentials();
        }
        User user = found.get();
        if (user.isLocked(clock)) {
            hasher.dummyVerify(password);
            history.locked(user.id(), email, client);
            audit.record(AuditEntry.failure(AuditAction.USER_LOGIN_FAILED, user.id(), client, "ACCOUNT_LOCKED"));
            alerts.failed(client);
            throw invalidCredentials();
        }
        if (!hasher.matches(password, user.passwordHash())) {
            failures.record(user, client, "WRONG_PASSWORD");
            throw invalidCredentials();
        }
        refuseUnlessActive(user, client);
        if (hasher.needsRehash(user.passwordHash())) {
            user.upgradePasswordHash(hasher.hash(password), clock);
        }
        if (user.requiresMfa()) {
            MfaChallenge.Purpose purpose = user.mfaEnabled() ? MfaChallenge.Purpose.VERIFY : MfaChallenge.Purpose.ENROL;
            return new LoginResult.SecondFactorNeeded(mfaTokens.issue(user.id(), purpose), purpose);
        }
        return new LoginResult.SignedIn(user, signIn.complete(user, client, false));
    }

    private void refuseUnlessActive(User user, ClientInfo client) {
        ErrorCode refusal = switch (user.status()) {
            case ACTIVE -> null;
            case PENDING_VERIFICATION -> ErrorCode.EMAIL_NOT_VERIFIED;
            case INACTIVE, SUSPENDED -> ErrorCode.ACCOUNT_DEACTIVATED;
            case DELETED -> ErrorCode.INVALID_CREDENTIALS;
        };
        if (refusal == null) {
            return;
        }
        history.blocked(user.id(), user.email(), client, refusal.name());
        audit.record(AuditEntry.failure(AuditAction.USER_LOGIN_FAILED, user.id(), client, refusal.name()));
        throw switch (refusal) {
            case EMAIL_NOT_VERIFIED -> new ApiException(refusal, "Verify your email address before signing in.");
            case ACCOUNT_DEACTIVATED -> new ApiException(refusal, "This account has been deactivated.");
            default -> invalidCredentials();
        };
    }

    static ApiException invalidCredentials() {
        return new ApiException(ErrorCode.INVALID_CREDENTIALS, "The email address or password is incorrect.");
    }
}
