package uk.co.lomashwood.auth.user;

import java.time.Instant;
import java.util.UUID;

/** Account topics and payloads of spec 00 §4.7. */
public final class UserEvents {

    public static final String CREATED = "auth.user.created";
    public static final String EMAIL_VERIFIED = "auth.email.verified";
    public static final String STATUS_CHANGED = "auth.user.status_changed";
    public static final String ACCOUNT_LOCKED = "auth.user.account_locked";
    public static final String ROLE_CHANGED = "auth.role.changed";
    public static final String DELETED = "auth.user.deleted";
    public static final String INACTIVITY_WARNING = "auth.user.inactivity_warning";

    private UserEvents() {
    }

    public record Created(UUID userId, String email, String firstName, String lastName, String phone, String role,
                          Instant createdAt) {
    }

    public record EmailVerified(UUID userId, String email, Instant verifiedAt) {
    }

    public record StatusChanged(UUID userId, String previousStatus, String newStatus, String reason,
                                Instant changedAt) {
    }

    /** {@code lockedUntil} null means until an admin unlocks the account. */
    public record AccountLocked(UUID userId, Instant lockedUntil, int failedAttempts) {
    }

    /** {@code reason}: UNVERIFIED or ERASED. */
    public record Deleted(UUID userId, String reason, Instant deletedAt) {
    }

    /** {@code deactivatesOn} is a calendar date (YYYY-MM-DD). */
    public record InactivityWarning(UUID userId, Instant lastLoginAt, java.time.LocalDate deactivatesOn) {
    }

    public record RoleChanged(UUID userId, String previousRole, String newRole, UUID changedBy, String reason,
                              Instant changedAt) {
    }
}
