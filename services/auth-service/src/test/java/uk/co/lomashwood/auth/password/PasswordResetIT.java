package uk.co.lomashwood.auth.password;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.auth.support.Jwt;
import uk.co.lomashwood.platform.test.mail.Mailbox;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.auth.support.TestUsers;
import uk.co.lomashwood.auth.support.TestUsers.TestUser;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordResetIT extends AuthIntegrationTest {

    private static final String NEW_PASSWORD = "Shaker#Doors-Design-7";

    private String requestResetLink(TestUser user) {
        assertThat(api().post("/v1/auth/forgot-password", body("email", user.email())).status()).isEqualTo(200);
        Mailbox.Mail mail = Mailbox.latestTo(user.email());
        assertThat(mail.subject()).isEqualTo("Reset your Lomash Wood password");
        return mail.find("https://www\\.lomashwood\\.test/reset-password\\?token=([0-9a-f]{64})");
    }

    private Reply reset(String token, String password) {
        return api().post("/v1/auth/reset-password", body("token", token, "newPassword", password,
                "confirmPassword", password));
    }

    @Test
    void forgotPasswordAnswersTheSameWhetherOrNotTheAccountExists() {
        TestUser customer = users.active(Role.CUSTOMER);

        Reply known = api().post("/v1/auth/forgot-password", body("email", customer.email()));
        Reply unknown = api().post("/v1/auth/forgot-password", body("email", TestUsers.uniqueEmail("ghost")));

        assertThat(known.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(known.data()).isEqualTo(unknown.data());
        Mailbox.latestTo(customer.email());
        assertThat(events("auth.password.reset_requested", customer.id())).singleElement()
                .satisfies(e -> assertThat(e.toString()).doesNotContainIgnoringCase("token"));
    }

    @Test
    void resettingChangesThePasswordRevokesEverySessionAndTheLinkWorksOnce() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn session = signIn(customer);
        String token = requestResetLink(customer);

        Reply reply = reset(token, NEW_PASSWORD);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(verifySession(session.sessionId(), Jwt.jti(session.accessToken())).data().get("valid").asBoolean())
                .isFalse();
        assertThat(api().with("Cookie", refreshCookie(session.refreshToken()))
                .post("/v1/auth/refresh", null).status()).isEqualTo(401);
        assertThat(login(customer.email(), customer.password()).code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(login(customer.email(), NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(reset(token, "Maple$Cabinet#Joinery-88").code()).isEqualTo("INVALID_RESET_TOKEN");
        assertThat(events("auth.password.changed", customer.id())).singleElement()
                .satisfies(e -> assertThat(e.get("method").asString()).isEqualTo("RESET"));
    }

    @Test
    void aWeakPasswordLeavesTheLinkUsableAndAnOldPasswordIsRefusedAsReused() {
        TestUser customer = users.active(Role.CUSTOMER);
        String token = requestResetLink(customer);

        assertThat(reset(token, "weak").code()).isEqualTo("VALIDATION_ERROR");
        assertThat(reset(token, customer.password()).code()).isEqualTo("PASSWORD_REUSED");
        assertThat(api().post("/v1/auth/reset-password", body("token", token, "newPassword", NEW_PASSWORD,
                "confirmPassword", NEW_PASSWORD + "x")).status()).isEqualTo(400);
        assertThat(reset(token, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theLinkExpiresAfterFifteenMinutes() {
        TestUser customer = users.active(Role.CUSTOMER);
        String token = requestResetLink(customer);
        clock.advance(Duration.ofMinutes(16));

        assertThat(reset(token, NEW_PASSWORD).code()).isEqualTo("INVALID_RESET_TOKEN");
    }

    @Test
    void aResetUnlocksALockedAccountAndVerifiesAPendingOne() {
        String email = TestUsers.uniqueEmail("pending");
        api().post("/v1/auth/register", body("email", email, "password", TestUsers.PASSWORD,
                "firstName", "Penny", "lastName", "Ding"));
        Mailbox.latestTo(email);
        for (int i = 0; i < 5; i++) {
            login(email, "Wrong-Password-42!");
        }
        assertThat(api().post("/v1/auth/forgot-password", body("email", email)).status()).isEqualTo(200);
        String token = Mailbox.awaitCount(email, 2).getLast().find("reset-password\\?token=([0-9a-f]{64})");

        assertThat(reset(token, NEW_PASSWORD).status()).isEqualTo(200);

        assertThat(login(email, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aSecondRequestWithinFiveMinutesIsSilentlyDropped() {
        TestUser customer = users.active(Role.CUSTOMER);
        requestResetLink(customer);

        assertThat(api().post("/v1/auth/forgot-password", body("email", customer.email())).status()).isEqualTo(200);

        assertThat(Mailbox.to(customer.email())).hasSize(1);
    }

    @Test
    void changingThePasswordKeepsThisSessionWithAFreshTokenAndEndsTheOthers() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn other = signIn(customer);
        SignedIn current = signIn(customer);

        assertThat(current.api().post("/v1/auth/change-password", body("currentPassword", "Wrong-Password-42!",
                "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)).code()).isEqualTo("INVALID_CURRENT_PASSWORD");
        assertThat(current.api().post("/v1/auth/change-password", body("currentPassword", customer.password(),
                "newPassword", customer.password(), "confirmPassword", customer.password())).code())
                .isEqualTo("PASSWORD_REUSED");
        Reply changed = current.api().post("/v1/auth/change-password", body("currentPassword", customer.password(),
                "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        String fresh = changed.data().get("accessToken").asString();
        assertThat(Jwt.claim(fresh, "sessionId")).isEqualTo(current.sessionId().toString());
        assertThat(verifySession(current.sessionId(), Jwt.jti(fresh)).data().get("valid").asBoolean()).isTrue();
        assertThat(verifySession(current.sessionId(), Jwt.jti(current.accessToken())).data().get("reason").asString())
                .isEqualTo("TOKEN_REVOKED");
        assertThat(verifySession(other.sessionId(), Jwt.jti(other.accessToken())).data().get("valid").asBoolean()).isFalse();
        assertThat(events("auth.password.changed", customer.id())).singleElement()
                .satisfies(e -> assertThat(e.get("method").asString()).isEqualTo("CHANGE"));
        assertThat(api().post("/v1/auth/change-password", body("currentPassword", "a", "newPassword", "b",
                "confirmPassword", "b")).code()).isEqualTo("UNAUTHORIZED");
    }
}
