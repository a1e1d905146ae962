package uk.co.lomashwood.auth.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.auth.session.SignIns;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.platform.web.response.ApiResponse;

/** {@code POST /v1/auth/login}: tokens, or an MFA challenge for staff and MFA users. */
@RestController
public class LoginController {

    private final Login login;
    private final SignIns signIns;

    public LoginController(Login login, SignIns signIns) {
        this.login = login;
        this.signIns = signIns;
    }

    @PostMapping("/v1/auth/login")
    public ApiResponse<Object> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request,
                                     HttpServletResponse response) {
        LoginResult result = login.login(body.email(), body.password(), ClientInfo.of(request));
        return ApiResponse.of(switch (result) {
            case LoginResult.SignedIn signedIn -> signIns.respond(signedIn.user(), signedIn.tokens(), request, response);
            case LoginResult.SecondFactorNeeded needed -> SecondFactorResponses.of(needed);
        });
    }
}
