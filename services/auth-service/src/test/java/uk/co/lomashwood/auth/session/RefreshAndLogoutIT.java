package uk.co.lomashwood.auth.session;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.auth.support.Jwt;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.auth.support.TestUsers.TestUser;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshAndLogoutIT extends AuthIntegrationTest {

    @Test
    void refreshRotatesTheCookieAndSignsANewAccessToken() {
        SignedIn session = signIn(users.active(Role.CUSTOMER));

        Reply refreshed = api().with("Cookie", refreshCookie(session.refreshToken())).post("/v1/auth/refresh", null);

        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        String access = refreshed.data().get("accessToken").asString();
        assertThat(Jwt.jti(access)).isNotEqualTo(Jwt.jti(session.accessToken()));
        assertThat(Jwt.claim(access, "sessionId")).isEqualTo(session.sessionId().toString());
        assertThat(refreshed.data().get("expiresIn").asInt()).isEqualTo(900);
        assertThat(refreshed.refreshCookie()).isPresent().get().isNotEqualTo(session.refreshToken());
    }

    @Test
    void theOldTokenSecondsLaterMeansAParallelTabAndTheFamilyLivesOn() {
        SignedIn session = signIn(users.active(Role.CUSTOMER));
        String next = api().with("Cookie", refreshCookie(session.refreshToken()))
                .post("/v1/auth/refresh", null).refreshCookie().orElseThrow();

        Reply parallel = api().with("Cookie", refreshCookie(session.refreshToken())).post("/v1/auth/refresh", null);

        assertThat(parallel.code()).isEqualTo("REFRESH_TOKEN_ROTATED");
        assertThat(parallel.refreshCookie()).isEmpty();
        assertThat(api().with("Cookie", refreshCookie(next)).post("/v1/auth/refresh", null).status()).isEqualTo(200);
    }

    @Test
    void reusingARotatedTokenLaterRevokesTheWholeFamilyAndRaisesAnAlert() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn session = signIn(customer);
        String next = api().with("Cookie", refreshCookie(session.refreshToken()))
                .post("/v1/auth/refresh", null).refreshCookie().orElseThrow();
        clock.advance(Duration.ofSeconds(31));

        Reply stolen = api().with("Cookie", refreshCookie(session.refreshToken())).post("/v1/auth/refresh", null);

        assertThat(stolen.status()).isEqualTo(401);
        assertThat(stolen.code()).isEqualTo("REFRESH_TOKEN_EXPIRED");
        assertThat(api().with("Cookie", refreshCookie(next))
                .post("/v1/auth/refresh", null).code()).isEqualTo("REFRESH_TOKEN_EXPIRED");
        assertThat(verifySession(session.sessionId(), Jwt.jti(session.accessToken())).data().get("reason").asString())
                .isEqualTo("REVOKED");
        assertThat(events("auth.security.alert", customer.id())).singleElement().satisfies(alert -> {
            assertThat(alert.get("alertType").asString()).isEqualTo("REFRESH_TOKEN_REUSED");
            assertThat(alert.get("sessionId").asString()).isEqualTo(session.sessionId().toString());
        });
        assertThat(events("auth.session.revoked", customer.id())).singleElement()
                .satisfies(e -> assertThat(e.get("reason").asString()).isEqualTo("TOKEN_REUSE"));
    }

    @Test
    void mobileClientsRefreshWithTheTokenInTheBody() {
        TestUser customer = users.active(Role.CUSTOMER);
        Reply login = api().with("X-Client-Type", "mobile").post("/v1/auth/login",
                body("email", customer.email(), "password", customer.password()));

        Reply refreshed = api().with("X-Client-Type", "mobile").post("/v1/auth/refresh",
                body("refreshToken", login.data().get("refreshToken").asString()));

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.data().get("refreshToken").asString()).hasSize(43);
        assertThat(refreshed.cookies()).isEmpty();
    }

    @Test
    void refreshWithoutATokenIsUnauthorisedAndWithAnUnknownOneExpired() {
        assertThat(api().post("/v1/auth/refresh", null).code()).isEqualTo("UNAUTHORIZED");
        Reply unknown = api().with("Cookie", refreshCookie("not-a-real-token")).post("/v1/auth/refresh", null);
        assertThat(unknown.code()).isEqualTo("REFRESH_TOKEN_EXPIRED");
        assertThat(unknown.cookies()).anyMatch(c -> c.startsWith("__Host-refresh=;") && c.contains("Max-Age=0"));
    }

    @Test
    void aDeactivatedUserCannotRefresh() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn session = signIn(customer);
        jdbc.sql("UPDATE users SET status = 'SUSPENDED' WHERE id = ?").param(customer.id()).update();

        assertThat(api().with("Cookie", refreshCookie(session.refreshToken())).post("/v1/auth/refresh", null).code())
                .isEqualTo("SESSION_REVOKED");
    }

    @Test
    void logoutBlacklistsTheAccessTokenRevokesTheSessionAndClearsTheCookie() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn session = signIn(customer);
        String jti = Jwt.jti(session.accessToken());
        assertThat(verifySession(session.sessionId(), jti).data().get("valid").asBoolean()).isTrue();

        Reply logout = session.api().with("Cookie", refreshCookie(session.refreshToken()))
                .post("/v1/auth/logout", null);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.cookies()).anyMatch(c -> c.startsWith("__Host-refresh=;") && c.contains("Max-Age=0"));
        Reply check = verifySession(session.sessionId(), jti);
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.data().get("valid").asBoolean()).isFalse();
        assertThat(check.data().get("reason").asString()).isEqualTo("TOKEN_REVOKED");
        assertThat(verifySession(session.sessionId(), "another-jti").data().get("reason").asString()).isEqualTo("REVOKED");
        assertThat(api().with("Cookie", refreshCookie(session.refreshToken())).post("/v1/auth/refresh", null).code())
                .isEqualTo("REFRESH_TOKEN_EXPIRED");
        assertThat(events("auth.user.logged_out", customer.id())).hasSize(1);
        assertThat(events("auth.security.alert", customer.id())).isEmpty();
    }

    @Test
    void logoutWithOnlyTheRefreshCookieStillEndsTheSession() {
        SignedIn session = signIn(users.active(Role.CUSTOMER));

        assertThat(api().with("Cookie", refreshCookie(session.refreshToken()))
                .post("/v1/auth/logout", null).status()).isEqualTo(204);

        assertThat(verifySession(session.sessionId(), "x").data().get("reason").asString()).isEqualTo("REVOKED");
    }

    @Test
    void logoutIsIdempotentEvenWithNothingToEnd() {
        assertThat(api().post("/v1/auth/logout", null).status()).isEqualTo(204);
        SignedIn session = signIn(users.active(Role.CUSTOMER));
        assertThat(session.api().post("/v1/auth/logout", null).status()).isEqualTo(204);
        assertThat(session.api().post("/v1/auth/logout", null).status()).isEqualTo(204);
    }
}
