package uk.co.lomashwood.auth.session;

import java.time.Instant;
import java.util.UUID;

/** Topics and payloads (spec 00 §4.7) published by the session feature. */
public final class SessionEvents {

    public static final String LOGGED_IN = "auth.user.logged_in";
    public static final String LOGGED_OUT = "auth.user.logged_out";
    public static final String SESSION_REVOKED = "auth.session.revoked";
    public static final String SECURITY_ALERT = "auth.security.alert";

    public static final String NEW_DEVICE_LOGIN = "NEW_DEVICE_LOGIN";
    public static final String REFRESH_TOKEN_REUSED = "REFRESH_TOKEN_REUSED";

    private SessionEvents() {
    }

    public record LoggedIn(UUID userId, UUID sessionId, String ipAddress, String userAgent, boolean mfaUsed,
                           Instant loggedInAt) {
    }

    public record LoggedOut(UUID userId, UUID sessionId, Instant loggedOutAt) {
    }

    /** {@code sessionId} is null for a bulk revocation. */
    public record Revoked(UUID userId, UUID sessionId, int revokedCount, String reason, Instant revokedAt) {
    }

    public record SecurityAlert(UUID userId, String alertType, UUID sessionId, String ipAddress, String userAgent,
                                Instant occurredAt) {
    }
}
