package uk.co.lomashwood.auth.session;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.support.SecureTokens;
import uk.co.lomashwood.auth.token.AccessTokenIssuer;
import uk.co.lomashwood.auth.user.User;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Opens a session after a successful sign-in (spec 10 §2.5.2 step 6, §2.5.3): evicts the oldest sessions
 * beyond the limit (5 for customers and consultants, 2 for staff), stores the session and its first
 * refresh token, caches it for the gateway, signs the access token, publishes {@code auth.user.logged_in}
 * and, for a browser and OS not seen in 90 days, a NEW_DEVICE_LOGIN security alert.
 */
@Component
public class SessionIssuer {

    static final int MAX_SESSIONS = 5;
    static final int MAX_STAFF_SESSIONS = 2;
    private static final Duration DEVICE_MEMORY = Duration.ofDays(90);

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final SessionRevoker revoker;
    private final SessionCache cache;
    private final AccessTokenIssuer accessTokens;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final Clock clock;

    public SessionIssuer(SessionRepository sessions, RefreshTokenRepository refreshTokens, SessionRevoker revoker,
                         SessionCache cache, AccessTokenIssuer accessTokens, AuditTrail audit, AuthEvents events,
                         Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.revoker = revoker;
        this.cache = cache;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedTokens open(User user, ClientInfo client, boolean mfaUsed) {
        Instant now = clock.instant();
        makeRoom(user, client, now);
        Session session = sessions.save(Session.open(user.id(), user.role(), client, mfaUsed, clock));
        String refreshToken = SecureTokens.randomBase64Url();
        refreshTokens.save(RefreshToken.issue(session, 1, SecureTokens.sha256(refreshToken),
                session.expiresAt(), client, now));
        cache.put(session, user);
        audit.record(AuditEntry.success(AuditAction.SESSION_CREATED, user.id(), client).on("session", session.id())
                .with("mfaUsed", mfaUsed));
        events.publish(SessionEvents.LOGGED_IN, user.id(), new SessionEvents.LoggedIn(user.id(), session.id(),
                client.ipAddress(), client.userAgent(), mfaUsed, now));
        alertOnNewDevice(session, client, now);
        return new IssuedTokens(session.id(), accessTokens.issue(user.id(), user.role(), session.id()), refreshToken,
                session.expiresAt());
    }

    private void makeRoom(User user, ClientInfo client, Instant now) {
        int limit = user.role().isStaffAdmin() ? MAX_STAFF_SESSIONS : MAX_SESSIONS;
        List<Session> live = sessions.lockLiveSessions(user.id(), now);
        for (int i = 0; i <= live.size() - limit; i++) {
            revoker.revoke(live.get(i), RevocationReason.CONCURRENT_LIMIT, client);
        }
    }

    private void alertOnNewDevice(Session session, ClientInfo client, Instant now) {
        boolean firstEver = !sessions.existsByUserIdAndIdNot(session.userId(), session.id());
        if (firstEver || sessions.seenDevice(session.userId(), now.minus(DEVICE_MEMORY), session.id(),
                session.browser(), session.os())) {
            return;
        }
        events.publish(SessionEvents.SECURITY_ALERT, session.userId(), new SessionEvents.SecurityAlert(
                session.userId(), SessionEvents.NEW_DEVICE_LOGIN, session.id(), client.ipAddress(),
                client.userAgent(), now));
    }
}
