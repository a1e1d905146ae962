package uk.co.lomashwood.gateway.auth;

import uk.co.lomashwood.platform.core.security.Role;

/** The answer of auth-service's session verify call, or UNAVAILABLE when it could not be asked. */
public record SessionCheck(Outcome outcome, Role role, String reason) {

    public enum Outcome { VALID, REJECTED, UNAVAILABLE }

    public static SessionCheck valid(Role role) {
        return new SessionCheck(Outcome.VALID, role, null);
    }

    public static SessionCheck rejected(String reason) {
        return new SessionCheck(Outcome.REJECTED, null, reason);
    }

    public static SessionCheck unavailable(String reason) {
        return new SessionCheck(Outcome.UNAVAILABLE, null, reason);
    }

    public boolean tokenRevoked() {
        return "TOKEN_REVOKED".equals(reason);
    }
}
