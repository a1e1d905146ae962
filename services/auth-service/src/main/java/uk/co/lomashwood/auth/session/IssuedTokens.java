package uk.co.lomashwood.auth.session;

import uk.co.lomashwood.auth.token.AccessToken;

import java.time.Instant;
import java.util.UUID;

/** What a sign-in or a refresh hands to the client: a new access token and the next refresh token. */
public record IssuedTokens(UUID sessionId, AccessToken accessToken, String refreshToken, Instant refreshExpiresAt) {
}
