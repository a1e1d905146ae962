package uk.co.lomashwood.auth.token;

import java.time.Instant;
import java.util.UUID;

/**
 * A decoded {@code mfaToken}: who passed the password step, and whether they must verify a code
 * ({@link Purpose#VERIFY}) or first enrol an authenticator ({@link Purpose#ENROL}).
 */
public record MfaChallenge(UUID userId, UUID jti, Purpose purpose, Instant expiresAt) {

    public enum Purpose { VERIFY, ENROL }

    public static final long LIFETIME_SECONDS = 300;
}
