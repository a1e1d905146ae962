package uk.co.lomashwood.platform.web.security;

import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.security.Role;

import java.util.UUID;

/**
 * The caller as verified by the gateway and forwarded in {@code X-User-Id}, {@code X-User-Role}
 * and {@code X-Session-Id}. Declare it as a controller parameter; anonymous when no user header.
 */
public record UserContext(UUID userId, Role role, UUID sessionId) {

    private static final UserContext ANONYMOUS = new UserContext(null, null, null);

    public static UserContext anonymous() {
        return ANONYMOUS;
    }

    public boolean isAnonymous() {
        return userId == null;
    }

    public boolean hasRole(Role required) {
        return role != null && role.satisfies(required);
    }

    /** The user id, or 401 when the caller is anonymous. */
    public UUID requireUserId() {
        if (userId == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Sign in to use this endpoint.");
        }
        return userId;
    }
}
