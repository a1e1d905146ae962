package uk.co.lomashwood.auth.admin;

import uk.co.lomashwood.auth.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as the admin panel shows it, lock state included (spec 10 §2.4). */
public record AdminUserView(UUID id, String email, String firstName, String lastName, String phone, String role,
                            String status, String statusReason, boolean emailVerified, boolean mfaEnabled,
                            boolean locked, Instant lockedUntil, int failedLoginAttempts, Instant lastLoginAt,
                            Instant createdAt, Instant updatedAt, List<Object> customRoles, Long activeSessionCount) {

    static AdminUserView of(User user, Clock clock, Long activeSessionCount) {
        return new AdminUserView(user.id(), user.email(), user.firstName(), user.lastName(), user.phoneNumber(),
                user.role().name(), user.status().name(), user.statusReason(), user.emailVerified(), user.mfaEnabled(),
                user.isLocked(clock), user.lockout().lockedUntil(), user.lockout().failedAttempts(), user.lastLoginAt(),
                user.createdAt(), user.updatedAt(), List.of(), activeSessionCount);
    }
}
