package uk.co.lomashwood.auth.user;

import java.time.Instant;
import java.util.UUID;

/** The identity summary other services get from {@code /internal/users/{id}} (spec 10 §2.4). */
public record UserSummary(UUID id, String email, String firstName, String lastName, String phone, String role,
                          String status, boolean emailVerified, Instant createdAt) {

    public static UserSummary of(User user) {
        return new UserSummary(user.id(), user.email(), user.firstName(), user.lastName(), user.phoneNumber(),
                user.role().name(), user.status().name(), user.emailVerified(), user.createdAt());
    }
}
