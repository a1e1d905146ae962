package uk.co.lomashwood.auth.user;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /v1/auth/me}: the signed-in user's own account. */
@RestController
public class MeController {

    private final Accounts accounts;

    public MeController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** {@code permissions} lists custom-role permissions; none exist until custom roles are built (P1). */
    public record Me(UUID id, String email, String firstName, String lastName, String phone, String role,
                     List<String> permissions, String status, boolean emailVerified, boolean mfaEnabled,
                     Instant lastLoginAt, Instant createdAt) {
    }

    @GetMapping("/v1/auth/me")
    public ApiResponse<Me> me(UserContext caller) {
        User user = accounts.get(caller.requireUserId());
        return ApiResponse.of(new Me(user.id(), user.email(), user.firstName(), user.lastName(), user.phoneNumber(),
                user.role().name(), List.of(), user.status().name(), user.emailVerified(), user.mfaEnabled(),
                user.lastLoginAt(), user.createdAt()));
    }
}
