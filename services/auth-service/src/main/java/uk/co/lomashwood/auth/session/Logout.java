package uk.co.lomashwood.auth.session;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.support.SecureTokens;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Logout (spec 10 §2.5.5): blacklists the current access token, revokes the session named by the
 * access token or, without one, by the refresh token, and publishes {@code auth.user.logged_out}.
 * Idempotent: nothing to revoke is not an error.
 */
@Component
public class Logout {

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final SessionRevoker revoker;
    private final TokenBlacklist blacklist;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final Clock clock;

    public Logout(SessionRepository sessions, RefreshTokenRepository refreshTokens, SessionRevoker revoker,
                  TokenBlacklist blacklist, AuditTrail audit, AuthEvents events, Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.revoker = revoker;
        this.blacklist = blacklist;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void logout(UserContext caller, Optional<CurrentAccessToken> accessToken, Optional<String> refreshToken,
                       ClientInfo client) {
        accessToken.ifPresent(token -> blacklist.blacklist(token.jti(), caller.userId(), token.expiresAt(),
                RevocationReason.USER_LOGOUT.name()));
        Optional<Session> session = sessionOf(caller, refreshToken);
        if (session.isEmpty() || !revoker.revoke(session.get(), RevocationReason.USER_LOGOUT, client)) {
            return;
        }
        UUID userId = session.get().userId();
        audit.record(AuditEntry.success(AuditAction.USER_LOGOUT, userId, client).on("session", session.get().id()));
        events.publish(SessionEvents.LOGGED_OUT, userId,
                new SessionEvents.LoggedOut(userId, session.get().id(), clock.instant()));
    }

    private Optional<Session> sessionOf(UserContext caller, Optional<String> refreshToken) {
        if (!caller.isAnonymous() && caller.sessionId() != null) {
            return sessions.findByIdAndUserId(caller.sessionId(), caller.userId());
        }
        return refreshToken.flatMap(token -> refreshTokens.findByTokenHash(SecureTokens.sha256(token)))
                .flatMap(token -> sessions.findById(token.sessionId()));
    }
}
