package uk.co.lomashwood.auth.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Clock;

/** {@code POST /v1/auth/logout}: 204 and the cookie cleared, whatever was (or was not) presented. */
@RestController
public class LogoutController {

    private final Logout logout;
    private final RefreshTokenTransport transport;
    private final Clock clock;

    public LogoutController(Logout logout, RefreshTokenTransport transport, Clock clock) {
        this.logout = logout;
        this.transport = transport;
        this.clock = clock;
    }

    /** Mobile clients may name the session by its refresh token in the body. */
    public record LogoutRequest(@Size(min = 1, max = 256) String refreshToken) {
    }

    @PostMapping("/v1/auth/logout")
    public ResponseEntity<Void> logout(UserContext caller, @Valid @RequestBody(required = false) LogoutRequest body,
                                       HttpServletRequest request, HttpServletResponse response) {
        logout.logout(caller, CurrentAccessToken.from(request, clock),
                transport.read(request, body == null ? null : body.refreshToken()), ClientInfo.of(request));
        transport.clear(response);
        return ResponseEntity.noContent().build();
    }
}
