package uk.co.lomashwood.gateway.auth;

import java.time.Instant;
import java.util.UUID;

import uk.co.lomashwood.platform.core.security.Role;

/**
 * Who is calling, as established by the gateway. {@code degraded} is true when the session check could not be made
 * and the token's own claims were used (spec 10 §1.5 step 4).
 */
public record CallerIdentity(UUID userId, Role role, UUID sessionId, String jti, Instant expiresAt, boolean degraded) {

    private static final CallerIdentity ANONYMOUS = new CallerIdentity(null, null, null, null, null, false);

    public static CallerIdentity anonymous() {
        return ANONYMOUS;
    }

    public boolean authenticated() {
        return userId != null;
    }
}
