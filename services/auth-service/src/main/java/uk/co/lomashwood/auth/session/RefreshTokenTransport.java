package uk.co.lomashwood.auth.session;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * How refresh tokens travel (spec 10 §2.2): browsers get the {@code __Host-refresh} cookie
 * ({@code HttpOnly; Secure; SameSite=Strict; Path=/}, Max-Age = remaining lifetime); native apps that
 * send {@code X-Client-Type: mobile} get and return it in the JSON body instead.
 */
@Component
public class RefreshTokenTransport {

    public static final String COOKIE = "__Host-refresh";
    public static final String CLIENT_TYPE = "X-Client-Type";
    /** Longer values are not ours (ours are 43 characters); they are refused without a lookup. */
    private static final int MAX_TOKEN_LENGTH = 256;

    private final Clock clock;

    public RefreshTokenTransport(Clock clock) {
        this.clock = clock;
    }

    public boolean isMobile(HttpServletRequest request) {
        return "mobile".equalsIgnoreCase(request.getHeader(CLIENT_TYPE));
    }

    /** The presented token: the cookie, else the body value. */
    public Optional<String> read(HttpServletRequest request, String bodyValue) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && usable(cookie.getValue())) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return usable(bodyValue) ? Optional.of(bodyValue) : Optional.empty();
    }

    /** Sets the cookie for browsers; returns the token for the body when the client is mobile, else null. */
    public String deliver(HttpServletRequest request, HttpServletResponse response, IssuedTokens tokens) {
        if (isMobile(request)) {
            return tokens.refreshToken();
        }
        long millis = Duration.between(clock.instant(), tokens.refreshExpiresAt()).toMillis();
        Duration maxAge = Duration.ofSeconds((millis + 999) / 1000);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(tokens.refreshToken(), maxAge).toString());
        return null;
    }

    public void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true).secure(true).sameSite("Strict").path("/")
                .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
                .build();
    }

    private static boolean usable(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_TOKEN_LENGTH;
    }
}
