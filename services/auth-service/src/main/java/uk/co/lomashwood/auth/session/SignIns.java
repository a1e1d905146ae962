package uk.co.lomashwood.auth.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.user.User;

/** Turns issued tokens into the HTTP answer of a completed sign-in (body + cookie or body token). */
@Component
public class SignIns {

    private final RefreshTokenTransport transport;

    public SignIns(RefreshTokenTransport transport) {
        this.transport = transport;
    }

    public SignedInResponse respond(User user, IssuedTokens tokens, HttpServletRequest request,
                                    HttpServletResponse response) {
        String bodyToken = transport.deliver(request, response, tokens);
        return SignedInResponse.of(user, tokens.accessToken(), bodyToken);
    }
}
