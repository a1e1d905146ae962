package uk.co.lomashwood.auth.session;

import jakarta.servlet.http.HttpServletRequest;
import uk.co.lomashwood.platform.web.security.IdentityHeaders;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The caller's access token as the gateway describes it on {@code /v1/auth/*} routes:
 * {@code X-Token-Jti} and {@code X-Token-Exp} (epoch seconds). Used to blacklist it at logout.
 */
public record CurrentAccessToken(String jti, Instant expiresAt) {

    private static final Pattern JTI = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final long MAX_LIFETIME_SECONDS = 900;

    /** Present only when both headers are well-formed; the expiry is capped at one token lifetime from now. */
    public static Optional<CurrentAccessToken> from(HttpServletRequest request, Clock clock) {
        String jti = request.getHeader(IdentityHeaders.TOKEN_JTI);
        String exp = request.getHeader(IdentityHeaders.TOKEN_EXP);
        if (jti == null || exp == null || !JTI.matcher(jti).matches()) {
            return Optional.empty();
        }
        try {
            long epoch = Long.parseLong(exp.strip());
            long cap = clock.instant().getEpochSecond() + MAX_LIFETIME_SECONDS;
            return Optional.of(new CurrentAccessToken(jti, Instant.ofEpochSecond(Math.min(epoch, cap))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
