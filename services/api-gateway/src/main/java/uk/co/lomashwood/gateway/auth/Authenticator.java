package uk.co.lomashwood.gateway.auth;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.co.lomashwood.gateway.routing.AccessClass;
import uk.co.lomashwood.gateway.routing.AccessRule;
import uk.co.lomashwood.gateway.routing.RequestMatcher;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

/**
 * Steps 3–5 of spec 00 §2.1 / 10 §1.5 for one request: bearer token only, JWT verification, the session check with its
 * degradation rule, and the coarse role guard of ROLE routes using the session's role (the claim only when degraded).
 */
@Component
public class Authenticator {

    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);

    private final AccessTokenVerifier verifier;
    private final SessionVerifier sessions;
    private final List<RequestMatcher> strictPaths;

    public Authenticator(AccessTokenVerifier verifier, SessionVerifier sessions, AuthProperties properties) {
        this.verifier = verifier;
        this.sessions = sessions;
        this.strictPaths = properties.strictPaths().stream().map(p -> RequestMatcher.parse("* " + p)).toList();
    }

    public CallerIdentity authenticate(AccessRule rule, String path, String authorization, String requestId) {
        AccessClass access = rule.access();
        if (access == AccessClass.PUBLIC) {
            return CallerIdentity.anonymous();
        }
        String token = bearer(authorization);
        if (token == null) {
            if (authorization != null && access != AccessClass.LENIENT) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, "The Authorization header must be 'Bearer <token>'.");
            }
            if (access.requiresToken()) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, "Authentication is required.");
            }
            return CallerIdentity.anonymous();
        }
        CallerIdentity caller;
        try {
            caller = verify(token, path, requestId);
        } catch (ApiException e) {
            if (access == AccessClass.LENIENT) {
                return CallerIdentity.anonymous();
            }
            throw e;
        }
        if (!rule.admits(caller.role())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Your role does not allow this operation.");
        }
        return caller;
    }

    private CallerIdentity verify(String token, String path, String requestId) {
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (TokenRejectedException e) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The access token is not valid.");
        } catch (KeysUnavailableException e) {
            log.warn("Cannot verify a token: {}", e.getMessage());
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Sign-in cannot be checked right now.");
        }
        if (verified.expired()) {
            throw new ApiException(ErrorCode.TOKEN_EXPIRED, "The access token has expired; refresh it.");
        }
        SessionCheck check = sessions.check(verified, requestId);
        return switch (check.outcome()) {
            case VALID -> new CallerIdentity(verified.userId(), check.role(), verified.sessionId(), verified.jti(),
                    verified.expiresAt(), false);
            case REJECTED -> throw check.tokenRevoked()
                    ? new ApiException(ErrorCode.TOKEN_REVOKED, "The access token has been revoked.")
                    : new ApiException(ErrorCode.SESSION_REVOKED, "The session has ended; sign in again.");
            case UNAVAILABLE -> degraded(verified, path);
        };
    }

    /** Auth-service or its Redis is unreachable: JWT-only, except admin and payment routes (spec 00 §6.4). */
    private CallerIdentity degraded(VerifiedToken verified, String path) {
        if (strictPaths.stream().anyMatch(m -> m.matchesPath(path))) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "This operation is temporarily unavailable.")
                    .retryAfter(java.time.Duration.ofSeconds(30));
        }
        return new CallerIdentity(verified.userId(), verified.role(), verified.sessionId(), verified.jti(),
                verified.expiresAt(), true);
    }

    /** A token's session id for the refresh rate-limit subject: any genuine token, expired or not, else null. */
    public String sessionOf(String authorization) {
        String token = bearer(authorization);
        if (token == null) {
            return null;
        }
        try {
            return verifier.verify(token).sessionId().toString();
        } catch (TokenRejectedException | KeysUnavailableException e) {
            return null;
        }
    }

    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = value.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
