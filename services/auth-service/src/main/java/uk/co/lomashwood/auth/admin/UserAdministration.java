package uk.co.lomashwood.auth.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.session.RevocationReason;
import uk.co.lomashwood.auth.session.SessionRepository;
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
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;
import java.util.UUID;

/**
 * Admin actions on accounts (spec 10 §2.4, §2.5.8, §2.5.9): role change and status change revoke every
 * session of the target; the last active SUPER_ADMIN can be neither demoted nor deactivated.
 */
@Component
public class UserAdministration {

    private static final Logger securityLog = LoggerFactory.getLogger("uk.co.lomashwood.auth.security");

    private final UserRepository users;
    private final UserLocks locks;
    private final SessionRepository sessions;
    private final SessionRevoker revoker;
    private final LockoutMirror lockoutMirror;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final Clock clock;

    public UserAdministration(UserRepository users, UserLocks locks, SessionRepository sessions, SessionRevoker revoker,
                              LockoutMirror lockoutMirror, AuditTrail audit, AuthEvents events, Clock clock) {
        this.users = users;
        this.locks = locks;
        this.sessions = sessions;
        this.revoker = revoker;
        this.lockoutMirror = lockoutMirror;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AdminUserView detail(UUID userId) {
        User user = find(userId);
        return AdminUserView.of(user, clock, sessions.countLive(userId, clock.instant()));
    }

    @Transactional
    public AdminUserView changeRole(UserContext actor, UUID userId, Role newRole, String reason, ClientInfo client) {
        User user = locks.lock(find(userId));
        AdminRules.requireManageable(actor, user);
        AdminRules.requireGrantable(actor, newRole);
        Role previous = user.role();
        if (previous == newRole) {
            return AdminUserView.of(user, clock, sessions.countLive(userId, clock.instant()));
        }
        if (previous == Role.SUPER_ADMIN) {
            requireAnotherSuperAdmin(user);
        }
        user.changeRole(newRole, actor.userId(), clock);
        revoker.revokeAll(user.id(), RevocationReason.ROLE_CHANGE, null, client);
        audit.record(AuditEntry.success(AuditAction.USER_ROLE_ASSIGNED, user.id(), client)
                .by(actor.userId(), actor.role().name(), actor.sessionId())
                .with("previousRole", previous).with("newRole", newRole).with("reason", reason));
        events.publish(UserEvents.ROLE_CHANGED, user.id(), new UserEvents.RoleChanged(user.id(), previous.name(),
                newRole.name(), actor.userId(), reason, clock.instant()));
        if (newRole.isStaffAdmin()) {
            securityLog.warn("Security alert: role {} granted to user {} by {}", newRole, user.id(), actor.userId());
        }
        return AdminUserView.of(user, clock, 0L);
    }

    @Transactional
    public AdminUserView changeStatus(UserContext actor, UUID userId, UserStatus newStatus, String reason,
                                      ClientInfo client) {
        User user = locks.lock(find(userId));
        AdminRules.requireManageable(actor, user);
        UserStatus previous = user.status();
        if (previous == UserStatus.ACTIVE && user.role() == Role.SUPER_ADMIN) {
            requireAnotherSuperAdmin(user);
        }
        if (!user.changeStatus(newStatus, "ADMIN", actor.userId(), clock)) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                    "An account cannot go from " + previous + " to " + newStatus + ".");
        }
        if (newStatus != UserStatus.ACTIVE) {
            revoker.revokeAll(user.id(), RevocationReason.ADMIN_REVOKE, null, client);
        }
        audit.record(AuditEntry.success(AuditAction.USER_STATUS_CHANGED, user.id(), client)
                .by(actor.userId(), actor.role().name(), actor.sessionId())
                .with("previousStatus", previous).with("newStatus", newStatus).with("reason", reason));
        events.publish(UserEvents.STATUS_CHANGED, user.id(), new UserEvents.StatusChanged(user.id(), previous.name(),
                newStatus.name(), "ADMIN", clock.instant()));
        return AdminUserView.of(user, clock, sessions.countLive(userId, clock.instant()));
    }

    @Transactional
    public AdminUserView unlock(UserContext actor, UUID userId, ClientInfo client) {
        User user = locks.lock(find(userId));
        AdminRules.requireManageable(actor, user);
        user.unlock(clock);
        lockoutMirror.clear(user.id());
        audit.record(AuditEntry.success(AuditAction.USER_UNLOCKED, user.id(), client)
                .by(actor.userId(), actor.role().name(), actor.sessionId()));
        return AdminUserView.of(user, clock, sessions.countLive(userId, clock.instant()));
    }

    private void requireAnotherSuperAdmin(User user) {
        if (users.countOtherActiveSuperAdmins(user.id()) == 0) {
            throw new ApiException(ErrorCode.LAST_SUPER_ADMIN, "The last super admin cannot be demoted or deactivated.");
        }
    }

    private User find(UUID userId) {
        return users.findById(userId).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "No such user."));
    }
}
