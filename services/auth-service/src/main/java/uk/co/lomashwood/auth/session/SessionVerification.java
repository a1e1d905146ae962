package uk.co.lomashwood.auth.session;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.auth.user.UserRepository;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The gateway's per-request check (spec 00 §2.1 step 5): the access token's {@code jti} not blacklisted,
 * the session alive in Redis, no user-wide revocation after the token was issued, the user ACTIVE.
 * Answered from Redis; PostgreSQL is read only when the session key is missing, to give the reason (and
 * to re-cache a live session after a Redis flush).
 */
@Component
public class SessionVerification {

    public record Result(boolean valid, UUID userId, String role, String reason) {
        static Result invalid(String reason, UUID userId, String role) {
            return new Result(false, userId, role, reason);
        }
    }

    private final TokenBlacklist blacklist;
    private final SessionCache cache;
    private final RevokedUsers revokedUsers;
    private final SessionRepository sessions;
    private final UserRepository users;
    private final Clock clock;

    public SessionVerification(TokenBlacklist blacklist, SessionCache cache, RevokedUsers revokedUsers,
                               SessionRepository sessions, UserRepository users, Clock clock) {
        this.blacklist = blacklist;
        this.cache = cache;
        this.revokedUsers = revokedUsers;
        this.sessions = sessions;
        this.users = users;
        this.clock = clock;
    }

    /**
     * @param issuedAtOrNull the token's {@code iat} (epoch seconds) when the caller sends it; otherwise a
     *                       user-wide revocation is compared with the session's creation time
     */
    @Transactional(readOnly = true)
    public Result verify(UUID sessionId, String jti, Long issuedAtOrNull) {
        if (blacklist.isBlacklisted(jti)) {
            return Result.invalid("TOKEN_REVOKED", null, null);
        }
        Optional<CachedSession> cached = cache.get(sessionId);
        if (cached.isEmpty()) {
            String reason = reasonFromDatabase(sessionId);
            if (reason != null) {
                return Result.invalid(reason, null, null);
            }
            cached = cache.get(sessionId);
            if (cached.isEmpty()) {
                return Result.invalid("EXPIRED", null, null);
            }
        }
        CachedSession session = cached.get();
        long issuedAt = issuedAtOrNull != null ? issuedAtOrNull : session.createdAt();
        Optional<Long> revokedAt = revokedUsers.revokedAt(session.userId());
        if (revokedAt.isPresent() && issuedAt < revokedAt.get()) {
            return Result.invalid("TOKEN_REVOKED", session.userId(), session.role());
        }
        if (!"ACTIVE".equals(session.status())) {
            return Result.invalid("USER_INACTIVE", session.userId(), session.role());
        }
        return new Result(true, session.userId(), session.role(), null);
    }

    /** Null when the session is in fact live (and has just been cached again). */
    private String reasonFromDatabase(UUID sessionId) {
        Optional<Session> row = sessions.findById(sessionId);
        if (row.isEmpty()) {
            return "NOT_FOUND";
        }
        Session session = row.get();
        if (!session.isActive() || session.revokedAt() != null) {
            return "REVOKED";
        }
        if (!session.isLive(clock.instant())) {
            return "EXPIRED";
        }
        Optional<uk.co.lomashwood.auth.user.User> user = users.findById(session.userId());
        if (user.isEmpty()) {
            return "NOT_FOUND";
        }
        cache.put(session, user.get());
        return null;
    }
}
