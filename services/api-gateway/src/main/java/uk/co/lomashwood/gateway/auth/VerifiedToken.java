package uk.co.lomashwood.gateway.auth;

import java.time.Instant;
import java.util.UUID;

import uk.co.lomashwood.platform.core.security.Role;

/** The claims of an access token whose signature, issuer, audience and type were verified. */
public record VerifiedToken(UUID userId, Role role, UUID sessionId, String jti, Instant issuedAt, Instant expiresAt,
        boolean expired) {
}
