package uk.co.lomashwood.auth.login;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.session.IssuedTokens;
import uk.co.lomashwood.auth.session.SessionIssuer;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.user.LockoutMirror;
import uk.co.lomashwood.auth.user.User;

import java.time.Clock;

/**
 * The last step of every successful sign-in (password, MFA code, staff enrolment): reset failure
 * counters, record the login and open a session (spec 10 §2.5.2 step 6).
 */
@Component
public class SignIn {

    private final SessionIssuer sessions;
    private final LockoutMirror mirror;
    private final LoginHistory history;
    private final AuditTrail audit;
    private final FailureAlerts alerts;
    private final Clock clock;

    public SignIn(SessionIssuer sessions, LockoutMirror mirror, LoginHistory history, AuditTrail audit,
                  FailureAlerts alerts, Clock clock) {
        this.sessions = sessions;
        this.mirror = mirror;
        this.history = history;
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedTokens complete(User user, ClientInfo client, boolean mfaUsed) {
        user.recordSuccessfulLogin(client.ipAddress(), clock);
        mirror.clear(user.id());
        alerts.succeeded(client);
        history.succeeded(user.id(), user.email(), client);
        audit.record(AuditEntry.success(AuditAction.USER_LOGIN, user.id(), client).with("mfaUsed", mfaUsed));
        return sessions.open(user, client, mfaUsed);
    }
}
