package uk.co.lomashwood.auth.token;

import java.time.Instant;
import java.util.UUID;

/** A signed access token with the claims the service needs to remember (its id and expiry). */
public record AccessToken(String value, UUID jti, Instant issuedAt, Instant expiresAt) {

    public static final long LIFETIME_SECONDS = 900;
}
