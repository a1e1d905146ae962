package uk.co.lomashwood.auth.login;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.session.RevocationReason;
import uk.co.lomashwood.auth.session.SessionRevoker;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.user.FailedLoginOutcome;
import uk.co.lomashwood.auth.user.LockoutMirror;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.auth.user.UserEvents;
import uk.co.lomashwood.auth.user.UserLocks;

import java.time.Clock;

/**
 * Counts a failed password or MFA code (spec 10 §2.5.2 step 3, §2.5.7). When the failure locks the
 * account: audit, mirror the lock in Redis, revoke every session (spec 00 §2.6) and publish
 * {@code auth.user.account_locked}, from which notification-service sends the unlock/reset email.
 */
@Component
public class LoginFailures {

    private final UserLocks locks;
    private final LockoutMirror mirror;
    private final SessionRevoker revoker;
    private final LoginHistory history;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final FailureAlerts alerts;
    private final Clock clock;

    public LoginFailures(UserLocks locks, LockoutMirror mirror, SessionRevoker revoker, LoginHistory history,
                         AuditTrail audit, AuthEvents events, FailureAlerts alerts, Clock clock) {
        this.locks = locks;
        this.mirror = mirror;
        this.revoker = revoker;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public FailedLoginOutcome record(User user, ClientInfo client, String reason) {
        User current = locks.lock(user);
        FailedLoginOutcome outcome = current.recordFailedLogin(clock);
        history.failed(current.id(), current.email(), client, reason);
        audit.record(AuditEntry.failure(AuditAction.USER_LOGIN_FAILED, current.id(), client, reason)
                .with("failedAttempts", current.lockout().failedAttempts()));
        alerts.failed(client);
        if (outcome != FailedLoginOutcome.COUNTED) {
            mirror.mirror(current);
            revoker.revokeAll(current.id(), RevocationReason.SECURITY_BREACH, null, client);
            audit.record(AuditEntry.success(AuditAction.USER_LOCKED, current.id(), client)
                    .with("lockedUntil", current.lockout().lockedUntil()).with("outcome", outcome));
            events.publish(UserEvents.ACCOUNT_LOCKED, current.id(), new UserEvents.AccountLocked(current.id(),
                    current.lockout().lockedUntil(), current.lockout().failedAttempts()));
        }
        return outcome;
    }
}
