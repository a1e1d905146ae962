package uk.co.lomashwood.auth.session;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.page.SortOrder;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A user's own sessions: list, show the current one, revoke one or all (owner-scoped, spec 00 §3.9). */
@Component
public class OwnSessions {

    static final Set<String> SORTABLE = Set.of("createdAt", "lastAccessAt", "expiresAt");

    private final SessionRepository sessions;
    private final SessionRevoker revoker;
    private final TokenBlacklist blacklist;
    private final Clock clock;

    public OwnSessions(SessionRepository sessions, SessionRevoker revoker, TokenBlacklist blacklist, Clock clock) {
        this.sessions = sessions;
        this.revoker = revoker;
        this.blacklist = blacklist;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public OffsetPage<SessionView> list(UserContext caller, PageRequest page, SortOrder order, boolean includeExpired) {
        UUID userId = caller.requireUserId();
        Sort sort = Sort.by(order.keys().stream()
                .map(k -> k.descending() ? Sort.Order.desc(k.field()) : Sort.Order.asc(k.field())).toList())
                .and(Sort.by("id"));
        org.springframework.data.domain.PageRequest pageable =
                org.springframework.data.domain.PageRequest.of(page.page() - 1, page.limit(), sort);
        Page<Session> rows = includeExpired ? sessions.findByUserId(userId, pageable)
                : sessions.findLive(userId, clock.instant(), pageable);
        return new OffsetPage<>(rows.map(s -> SessionView.of(s, caller.sessionId())).getContent(), page.page(),
                page.limit(), rows.getTotalElements());
    }

    @Transactional(readOnly = true)
    public SessionView current(UserContext caller) {
        UUID userId = caller.requireUserId();
        return Optional.ofNullable(caller.sessionId()).flatMap(id -> sessions.findByIdAndUserId(id, userId))
                .map(s -> SessionView.of(s, caller.sessionId()))
                .orElseThrow(OwnSessions::notFound);
    }

    /** Revoking the current session is a logout: its access token is blacklisted too. */
    @Transactional
    public void revoke(UserContext caller, UUID sessionId, Optional<CurrentAccessToken> accessToken, ClientInfo client) {
        Session session = sessions.findByIdAndUserId(sessionId, caller.requireUserId()).orElseThrow(OwnSessions::notFound);
        RevocationReason reason = RevocationReason.USER_LOGOUT;
        if (sessionId.equals(caller.sessionId())) {
            accessToken.ifPresent(t -> blacklist.blacklist(t.jti(), caller.userId(), t.expiresAt(), reason.name()));
        }
        revoker.revoke(session, reason, client);
    }

    @Transactional
    public int revokeAll(UserContext caller, boolean includeCurrent, Optional<CurrentAccessToken> accessToken,
                         ClientInfo client) {
        UUID userId = caller.requireUserId();
        UUID keep = includeCurrent ? null : caller.sessionId();
        if (includeCurrent) {
            accessToken.ifPresent(t -> blacklist.blacklist(t.jti(), userId, t.expiresAt(), "USER_LOGOUT"));
        }
        return revoker.revokeAll(userId, RevocationReason.USER_LOGOUT, keep, client);
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.SESSION_NOT_FOUND, "No such session.");
    }
}
