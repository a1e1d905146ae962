package uk.co.lomashwood.auth.session;

import java.util.UUID;

/**
 * The value of {@code auth:session:{sessionId}}: what the per-request check needs without touching
 * PostgreSQL. {@code createdAt} (epoch seconds) lets the check compare against a user-wide revocation.
 */
public record CachedSession(UUID userId, String role, String status, long createdAt) {
}
