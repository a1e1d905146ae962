package uk.co.lomashwood.platform.web.security;

import jakarta.servlet.http.HttpServletRequest;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.id.Uuids;
import uk.co.lomashwood.platform.core.security.Role;

import java.util.UUID;

/**
 * Reads the caller from the request. Only requests that passed {@link InternalTokenFilter} reach
 * controllers, so the headers come from the gateway; malformed identity headers are refused
 * rather than treated as anonymous.
 */
public final class UserContexts {

    private UserContexts() {
    }

    public static UserContext from(HttpServletRequest request) {
        String userHeader = request.getHeader(IdentityHeaders.USER_ID);
        if (userHeader == null || userHeader.isBlank()) {
            return UserContext.anonymous();
        }
        UUID userId = Uuids.parseOrNull(userHeader);
        Role role = Role.parse(request.getHeader(IdentityHeaders.USER_ROLE)).orElse(null);
        if (userId == null || role == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The caller's identity is malformed.");
        }
        return new UserContext(userId, role, Uuids.parseOrNull(request.getHeader(IdentityHeaders.SESSION_ID)));
    }
}
