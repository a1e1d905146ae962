package uk.co.lomashwood.auth.session;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.support.SecureTokens;
import uk.co.lomashwood.auth.token.AccessTokenIssuer;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.auth.user.UserRepository;
import uk.co.lomashwood.auth.user.UserStatus;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Clock;
import java.time.Instant;

/**
 * Refresh-token rotation with reuse detection (spec 10 §2.5.4). A token used more than 30 s ago is a
 * stolen copy: the whole family (session) is revoked, audited as suspicious and reported as a
 * REFRESH_TOKEN_REUSED security alert. One used within 30 s is a parallel tab: 401
 * {@code REFRESH_TOKEN_ROTATED} and the family lives on. A token revoked with its family (logout,
 * revocation) is simply expired. Failures commit what they changed before answering 401.
 */
@Component
public class RefreshRotation {

    private final RefreshTokenRepository refreshTokens;
    private final SessionRepository sessions;
    private final UserRepository users;
    private final SessionRevoker revoker;
    private final SessionCache cache;
    private final AccessTokenIssuer accessTokens;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final Clock clock;

    public RefreshRotation(RefreshTokenRepository refreshTokens, SessionRepository sessions, UserRepository users,
                           SessionRevoker revoker, SessionCache cache, AccessTokenIssuer accessTokens,
                           AuditTrail audit, AuthEvents events, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.users = users;
        this.revoker = revoker;
        this.cache = cache;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = ApiException.class)
    public IssuedTokens rotate(String presented, ClientInfo client) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.lockByHash(SecureTokens.sha256(presented)).orElseThrow(RefreshRotation::expired);
        Session session = sessions.lockById(token.sessionId()).orElseThrow(RefreshRotation::expired);
        if (token.isReplayed(now)) {
            reportReuse(session, client, now);
            throw expired();
        }
        if (token.isRevoked() || token.isExpired(now)) {
            throw expired();
        }
        if (token.isRecentlyRotated(now)) {
            throw new ApiException(ErrorCode.REFRESH_TOKEN_ROTATED,
                    "This refresh token was just rotated; retry with the newer one.");
        }
        User user = users.findById(token.userId()).orElse(null);
        if (!session.isLive(now) || user == null || user.status() != UserStatus.ACTIVE) {
            throw new ApiException(ErrorCode.SESSION_REVOKED, "This session has ended; please sign in again.");
        }
        token.markUsed(now);
        session.slide(clock);
        String next = SecureTokens.randomBase64Url();
        refreshTokens.save(RefreshToken.issue(session, token.generation() + 1, SecureTokens.sha256(next),
                session.expiresAt(), client, now));
        cache.put(session, user);
        audit.record(AuditEntry.success(AuditAction.SESSION_REFRESHED, user.id(), client).on("session", session.id()));
        return new IssuedTokens(session.id(), accessTokens.issue(user.id(), user.role(), session.id()), next,
                session.expiresAt());
    }

    private void reportReuse(Session session, ClientInfo client, Instant now) {
        if (!revoker.revoke(session, RevocationReason.TOKEN_REUSE, client)) {
            return;
        }
        audit.record(AuditEntry.failure(AuditAction.SUSPICIOUS_ACTIVITY, session.userId(), client,
                "REFRESH_TOKEN_REUSED").on("session", session.id()));
        events.publish(SessionEvents.SECURITY_ALERT, session.userId(), new SessionEvents.SecurityAlert(
                session.userId(), SessionEvents.REFRESH_TOKEN_REUSED, session.id(), client.ipAddress(),
                client.userAgent(), now));
    }

    private static ApiException expired() {
        return new ApiException(ErrorCode.REFRESH_TOKEN_EXPIRED, "The refresh token is not valid; please sign in again.");
    }
}
