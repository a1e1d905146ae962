package uk.co.lomashwood.auth.session;

import java.time.Instant;
import java.util.UUID;

/** One row of the caller's session list (spec 10 §2.4). */
public record SessionView(UUID id, String deviceType, String browser, String os, String ipAddress, String location,
                          Instant createdAt, Instant lastAccessAt, Instant expiresAt, boolean mfaVerified,
                          boolean isCurrent) {

    static SessionView of(Session session, UUID currentSessionId) {
        return new SessionView(session.id(), session.deviceType(), session.browser(), session.os(),
                session.ipAddress(), null, session.createdAt(), session.lastAccessAt(), session.expiresAt(),
                session.mfaVerified(), session.id().equals(currentSessionId));
    }
}
