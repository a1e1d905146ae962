package uk.co.lomashwood.auth.session;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.audit.AuditAction;
import uk.co.lomashwood.auth.audit.AuditEntry;
import uk.co.lomashwood.auth.audit.AuditTrail;
import uk.co.lomashwood.auth.support.AuthEvents;
import uk.co.lomashwood.auth.support.ClientInfo;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Ends sessions the one way the spec allows (spec 10 §2.5.3): mark the row, revoke the family's refresh
 * tokens, delete {@code auth:session:{id}}, audit, publish {@code auth.session.revoked}.
 */
@Component
public class SessionRevoker {

    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final SessionCache cache;
    private final RevokedUsers revokedUsers;
    private final AuditTrail audit;
    private final AuthEvents events;
    private final Clock clock;

    public SessionRevoker(SessionRepository sessions, RefreshTokenRepository refreshTokens, SessionCache cache,
                          RevokedUsers revokedUsers, AuditTrail audit, AuthEvents events, Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.cache = cache;
        this.revokedUsers = revokedUsers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean revoke(Session session, RevocationReason reason, ClientInfo client) {
        if (!endSessions(List.of(session), reason)) {
            return false;
        }
        record(session.userId(), session.id(), 1, reason, client);
        return true;
    }

    /**
     * Revokes every live session of the user except {@code keepOrNull}; when none is kept, access tokens
     * issued before now are refused as well ({@code auth:revoked-user}).
     *
     * @return how many sessions were revoked
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int revokeAll(UUID userId, RevocationReason reason, UUID keepOrNull, ClientInfo client) {
        List<Session> live = sessions.findActive(userId).stream()
                .filter(s -> !s.id().equals(keepOrNull)).toList();
        endSessions(live, reason);
        if (keepOrNull == null) {
            revokedUsers.revokeAllTokens(userId);
        }
        if (!live.isEmpty()) {
            record(userId, null, live.size(), reason, client);
        }
        return live.size();
    }

    private boolean endSessions(List<Session> targets, RevocationReason reason) {
        List<Session> ended = targets.stream().filter(s -> s.revoke(reason.name(), clock)).toList();
        if (ended.isEmpty()) {
            return false;
        }
        sessions.saveAll(ended);
        refreshTokens.revokeFamilies(ended.stream().map(s -> s.id().toString()).toList(), clock.instant());
        cache.evictAll(ended.stream().map(Session::id).toList());
        return true;
    }

    private void record(UUID userId, UUID sessionId, int count, RevocationReason reason, ClientInfo client) {
        audit.record(AuditEntry.success(AuditAction.SESSION_REVOKED, userId, client)
                .on("session", sessionId).with("reason", reason).with("revokedCount", count));
        events.publish(SessionEvents.SESSION_REVOKED, userId,
                new SessionEvents.Revoked(userId, sessionId, count, reason.name(), clock.instant()));
    }
}
