package uk.co.lomashwood.auth.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.auth.token.AccessToken;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.response.ApiResponse;

/** {@code POST /v1/auth/refresh}: rotates the refresh token and signs a new access token. */
@RestController
public class RefreshController {

    private final RefreshRotation rotation;
    private final RefreshTokenTransport transport;

    public RefreshController(RefreshRotation rotation, RefreshTokenTransport transport) {
        this.rotation = rotation;
        this.transport = transport;
    }

    public record RefreshRequest(@Size(min = 1, max = 256) String refreshToken) {
    }

    public record RefreshResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
    }

    @PostMapping("/v1/auth/refresh")
    public ApiResponse<RefreshResponse> refresh(@Valid @RequestBody(required = false) RefreshRequest body,
                                                HttpServletRequest request, HttpServletResponse response) {
        String presented = transport.read(request, body == null ? null : body.refreshToken())
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "No refresh token was presented."));
        IssuedTokens tokens;
        try {
            tokens = rotation.rotate(presented, ClientInfo.of(request));
        } catch (ApiException e) {
            if (e.code() != ErrorCode.REFRESH_TOKEN_ROTATED) {
                transport.clear(response);
            }
            throw e;
        }
        String bodyToken = transport.deliver(request, response, tokens);
        return ApiResponse.of(new RefreshResponse(tokens.accessToken().value(), "Bearer",
                AccessToken.LIFETIME_SECONDS, bodyToken));
    }
}
