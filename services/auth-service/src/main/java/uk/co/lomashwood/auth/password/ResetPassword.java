package uk.co.lomashwood.auth.password;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.session.RevocationReason;
import uk.co.lomashwood.auth.session.SessionRevoker;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.user.LockoutMirror;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.auth.user.UserEvents;
import uk.co.lomashwood.auth.user.UserLocks;
import uk.co.lomashwood.auth.user.UserRepository;
import uk.co.lomashwood.auth.user.UserStatus;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;

/**
 * Completes a reset (spec 10 §2.5.6): single-use token, password policy and history, lock and counters
 * cleared, a pending account becomes verified and ACTIVE (the link proves mailbox control), an
 * INACTIVE(INACTIVITY) one ACTIVE; every session is revoked and {@code auth.password.changed} (RESET)
 * published. A policy failure leaves the token usable.
 */
@Component
public class ResetPassword {

    private final ResetTokens tokens;
    private final UserRepository users;
    private final UserLocks locks;
    private final NewPasswords passwords;
    private final LockoutMirror lockoutMirror;
    private final SessionRevoker revoker;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final Clock clock;

    public ResetPassword(ResetTokens tokens, UserRepository users, UserLocks locks, NewPasswords passwords,
                         LockoutMirror lockoutMirror, SessionRevoker revoker, AuditTrail audit, AuthEvents events,
                         Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.locks = locks;
        this.passwords = passwords;
        this.lockoutMirror = lockoutMirror;
        this.revoker = revoker;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void reset(String token, String newPassword, ClientInfo client) {
        User user = tokens.consume(token).flatMap(users::findById).map(locks::lock)
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_RESET_TOKEN,
                        "The reset link is invalid or has expired; ask for a new one."));
        passwords.change(user, "newPassword", newPassword);
        user.unlock(clock);
        lockoutMirror.clear(user.id());
        UserStatus previous = user.status();
        if (previous == UserStatus.PENDING_VERIFICATION) {
            user.verifyEmail(clock);
            events.publish(UserEvents.EMAIL_VERIFIED, user.id(),
                    new UserEvents.EmailVerified(user.id(), user.email(), clock.instant()));
        } else if (previous == UserStatus.INACTIVE) {
            user.changeStatus(UserStatus.ACTIVE, null, user.id(), clock);
        }
        if (previous != user.status()) {
            events.publish(UserEvents.STATUS_CHANGED, user.id(), new UserEvents.StatusChanged(user.id(),
                    previous.name(), user.status().name(), "PASSWORD_RESET", clock.instant()));
        }
        revoker.revokeAll(user.id(), RevocationReason.PASSWORD_CHANGE, null, client);
        audit.record(AuditEntry.success(AuditAction.USER_PASSWORD_RESET_COMPLETED, user.id(), client));
        events.publish(PasswordEvents.CHANGED, user.id(),
                new PasswordEvents.Changed(user.id(), "RESET", clock.instant()));
    }
}
