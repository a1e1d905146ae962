package uk.co.lomashwood.auth.password;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.session.CurrentAccessToken;
import uk.co.lomashwood.auth.session.RevocationReason;
import uk.co.lomashwood.auth.session.SessionRevoker;
import uk.co.lomashwood.auth.session.TokenBlacklist;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.token.AccessToken;
import uk.co.lomashwood.auth.token.AccessTokenIssuer;
import uk.co.lomashwood.auth.user.Accounts;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.auth.user.UserLocks;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;
import java.util.Optional;

/**
 * Change of password by a signed-in user (spec 10 §2.5.6): the current password must be right, the new one
 * passes the policy and differs from the last 12; every other session is revoked, the caller's old access
 * token is blacklisted and a fresh one is signed for the current session; {@code auth.password.changed}
 * (CHANGE) is published.
 */
@Component
public class ChangePassword {

    private final Accounts accounts;
    private final UserLocks locks;
    private final PasswordHasher hasher;
    private final NewPasswords passwords;
    private final SessionRevoker revoker;
    private final TokenBlacklist blacklist;
    private final AccessTokenIssuer accessTokens;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final Clock clock;

    public ChangePassword(Accounts accounts, UserLocks locks, PasswordHasher hasher, NewPasswords passwords,
                          SessionRevoker revoker, TokenBlacklist blacklist, AccessTokenIssuer accessTokens,
                          AuditTrail audit, AuthEvents events, Clock clock) {
        this.accounts = accounts;
        this.locks = locks;
        this.hasher = hasher;
        this.passwords = passwords;
        this.revoker = revoker;
        this.blacklist = blacklist;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AccessToken change(UserContext caller, String currentPassword, String newPassword,
                              Optional<CurrentAccessToken> oldToken, ClientInfo client) {
        if (caller.sessionId() == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Sign in to change your password.");
        }
        User user = locks.lock(accounts.get(caller.requireUserId()));
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            throw new ApiException(ErrorCode.INVALID_CURRENT_PASSWORD, "The current password is incorrect.");
        }
        passwords.change(user, "newPassword", newPassword);
        revoker.revokeAll(user.id(), RevocationReason.PASSWORD_CHANGE, caller.sessionId(), client);
        oldToken.ifPresent(t -> blacklist.blacklist(t.jti(), user.id(), t.expiresAt(), "PASSWORD_CHANGE"));
        audit.record(AuditEntry.success(AuditAction.USER_PASSWORD_CHANGED, user.id(), client)
                .by(user.id(), user.role().name(), caller.sessionId()));
        events.publish(PasswordEvents.CHANGED, user.id(), new PasswordEvents.Changed(user.id(), "CHANGE", clock.instant()));
        return accessTokens.issue(user.id(), user.role(), caller.sessionId());
    }
}
