package uk.co.lomashwood.auth.erasure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
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
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * Consumes {@code customer.user.erased} (spec 10 §2.6): pseudonymises the identity, ends every session,
 * deletes credentials, tokens, MFA secrets, backup codes, password history and queued emails, nulls IP
 * addresses and the email in the login history, keeps the (PII-free) audit trail, then publishes
 * {@code auth.user.deleted} (ERASED). Runs once per event through the platform inbox.
 */
@Component
public class UserErasure implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(UserErasure.class);
    private static final String[] DELETED_BY_USER = {"refresh_tokens", "password_reset_tokens",
            "email_verification_tokens", "otp_secrets", "backup_codes", "password_history",
            "pending_credential_messages"};

    record Erased(UUID userId) {
    }

    private final UserRepository users;
    private final UserLocks locks;
    private final SessionRevoker revoker;
    private final LockoutMirror lockoutMirror;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final Clock clock;

    public UserErasure(UserRepository users, UserLocks locks, SessionRevoker revoker, LockoutMirror lockoutMirror,
                       JdbcClient jdbc, AuditTrail audit, AuthEvents events, Clock clock) {
        this.users = users;
        this.locks = locks;
        this.revoker = revoker;
        this.lockoutMirror = lockoutMirror;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Set<String> topics() {
        return Set.of("customer.user.erased");
    }

    @Override
    public void handle(EventEnvelope event) {
        UUID userId = event.dataAs(Erased.class).userId();
        User user = userId == null ? null : users.findById(userId).map(locks::lock).orElse(null);
        if (user == null) {
            log.warn("Erasure event {} names no known user", event.eventId());
            return;
        }
        boolean alreadyErased = user.status() == UserStatus.DELETED && "ERASURE".equals(user.statusReason());
        revoker.revokeAll(userId, RevocationReason.ACCOUNT_ERASED, null, ClientInfo.system());
        user.erase(clock);
        users.saveAndFlush(user);
        jdbc.sql("DELETE FROM sessions WHERE user_id = ?").param(userId).update();
        for (String table : DELETED_BY_USER) {
            jdbc.sql("DELETE FROM " + table + " WHERE user_id = ?").param(userId).update();
        }
        jdbc.sql("UPDATE login_history SET ip_address = NULL, user_agent = NULL, email = ? WHERE user_id = ?")
                .params(user.email(), userId).update();
        jdbc.sql("UPDATE audit_logs SET ip_address = NULL, user_agent = NULL WHERE user_id = ?").param(userId).update();
        lockoutMirror.clear(userId);
        audit.record(AuditEntry.success(AuditAction.USER_DELETED, userId, ClientInfo.system()).with("reason", "ERASED"));
        if (!alreadyErased) {
            events.publish(UserEvents.DELETED, userId, new UserEvents.Deleted(userId, "ERASED", clock.instant()));
        }
    }
}
