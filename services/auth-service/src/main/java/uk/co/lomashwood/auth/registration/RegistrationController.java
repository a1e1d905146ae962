package uk.co.lomashwood.auth.registration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.user.User;
import uk.co.lomashwood.platform.web.idempotency.Idempotent;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** {@code POST /v1/auth/register}: 201 with the new account; tokens only after verification and login. */
@RestController
public class RegistrationController {

    private final Registration registration;

    public RegistrationController(Registration registration) {
        this.registration = registration;
    }

    public record RegisteredUser(UUID id, String email, String firstName, String lastName, String role, String status,
                                 boolean emailVerified, Instant createdAt) {
    }

    public record RegisterResponse(RegisteredUser user, boolean verificationRequired) {
    }

    @Idempotent
    @PostMapping("/v1/auth/register")
    public ResponseEntity<ApiResponse<RegisterResponse>> register(@Valid @RequestBody RegisterRequest body,
                                                                  HttpServletRequest request) {
        User user = registration.register(body, ClientInfo.of(request));
        RegisteredUser view = new RegisteredUser(user.id(), user.email(), user.firstName(), user.lastName(),
                user.role().name(), user.status().name(), user.emailVerified(), user.createdAt());
        return Created.at(URI.create("/v1/auth/me"), new RegisterResponse(view, true));
    }
}
