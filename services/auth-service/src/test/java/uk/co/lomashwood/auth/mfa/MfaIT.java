package uk.co.lomashwood.auth.mfa;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.auth.support.Jwt;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.auth.support.TestUsers.TestUser;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MfaIT extends AuthIntegrationTest {

    @Test
    void staffPasswordLoginOnlyAnswersAChallengeAndTheCodeOpensTheSession() {
        TestUser admin = users.active(Role.ADMIN);

        Reply login = login(admin.email(), admin.password());

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.data().get("mfaRequired").asBoolean()).isTrue();
        assertThat(login.data().get("mfaMethods").toString()).isEqualTo("[\"TOTP\",\"BACKUP_CODE\"]");
        assertThat(login.data().get("expiresIn").asInt()).isEqualTo(300);
        assertThat(login.data().has("accessToken")).isFalse();
        assertThat(login.cookies()).isEmpty();
        assertThat(Jwt.claim(login.data().get("mfaToken").asString(), "type")).isEqualTo("mfa");

        Reply verified = api().post("/v1/auth/mfa/verify", body("mfaToken", login.data().get("mfaToken").asString(),
                "code", totp(admin)));

        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.data().get("accessToken").asString()).isNotBlank();
        assertThat(verified.refreshCookie()).isPresent();
        assertThat(verified.cookies().getFirst()).contains("Max-Age=28800");
        assertThat(events("auth.user.logged_in", admin.id())).singleElement()
                .satisfies(e -> assertThat(e.get("mfaUsed").asBoolean()).isTrue());
    }

    @Test
    void anMfaTokenIsNotAnAccessTokenAndWorksOnce() {
        TestUser admin = users.active(Role.SUPER_ADMIN);
        String mfaToken = login(admin.email(), admin.password()).data().get("mfaToken").asString();
        assertThat(api().post("/v1/auth/mfa/verify", body("mfaToken", mfaToken, "code", totp(admin))).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(30));
        Reply again = api().post("/v1/auth/mfa/verify", body("mfaToken", mfaToken, "code", totp(admin)));

        assertThat(again.code()).isEqualTo("MFA_TOKEN_EXPIRED");
        assertThat(Jwt.claim(mfaToken, "aud")).doesNotContain("lomashwood-api");
    }

    @Test
    void threeWrongCodesVoidTheChallengeAndCountTowardTheLockout() {
        TestUser admin = users.active(Role.ADMIN);
        String mfaToken = login(admin.email(), admin.password()).data().get("mfaToken").asString();

        for (int i = 0; i < 3; i++) {
            assertThat(api().post("/v1/auth/mfa/verify", body("mfaToken", mfaToken, "code", "000000")).code())
                    .isEqualTo("INVALID_MFA_CODE");
        }

        assertThat(api().post("/v1/auth/mfa/verify", body("mfaToken", mfaToken, "code", totp(admin))).code())
                .isEqualTo("MFA_TOKEN_EXPIRED");
        assertThat(jdbc.sql("SELECT failed_login_attempts FROM users WHERE id = ?").param(admin.id())
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void anExpiredChallengeIsRefused() {
        TestUser admin = users.active(Role.ADMIN);
        String mfaToken = login(admin.email(), admin.password()).data().get("mfaToken").asString();
        clock.advance(Duration.ofMinutes(6));

        assertThat(api().post("/v1/auth/mfa/verify", body("mfaToken", mfaToken, "code", totp(admin))).code())
                .isEqualTo("MFA_TOKEN_EXPIRED");
        assertThat(api().post("/v1/auth/mfa/verify", body("mfaToken", "garbage", "code", "123456")).code())
                .isEqualTo("MFA_TOKEN_EXPIRED");
    }

    @Test
    void staffWithoutAnAuthenticatorEnrolWithTheChallengeAndAreSignedIn() {
        TestUser admin = users.staffWithoutAuthenticator(Role.ADMIN);
        Reply login = login(admin.email(), admin.password());
        assertThat(login.data().get("mfaSetupRequired").asBoolean()).isTrue();
        String mfaToken = login.data().get("mfaToken").asString();
        assertThat(api().post("/v1/auth/mfa/verify", body("mfaToken", mfaToken, "code", "123456")).code())
                .isEqualTo("MFA_TOKEN_EXPIRED");

        Reply setup = api().post("/v1/auth/mfa/setup", body("mfaToken", mfaToken));
        assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
        String secret = setup.data().get("secret").asString();
        assertThat(setup.data().get("otpauthUrl").asString())
                .startsWith("otpauth://totp/Lomash%20Wood%3A").contains("secret=" + secret, "issuer=Lomash%20Wood");
        assertThat(setup.data().get("qrCodeDataUrl").asString()).startsWith("data:image/svg+xml;base64,");

        assertThat(api().post("/v1/auth/mfa/enable", body("mfaToken", mfaToken, "code", "000000")).code())
                .isEqualTo("INVALID_MFA_CODE");
        Reply enabled = api().post("/v1/auth/mfa/enable", body("mfaToken", mfaToken,
                "code", Totp.codeAt(Base32.decode(secret), clock.instant())));

        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        JsonNode codes = enabled.data().get("backupCodes");
        assertThat(codes.size()).isEqualTo(10);
        codes.forEach(code -> assertThat(code.asString()).matches("[A-Z2-9]{8}"));
        assertThat(enabled.data().get("accessToken").asString()).isNotBlank();
        assertThat(enabled.refreshCookie()).isPresent();
        assertThat(events("auth.mfa.changed", admin.id())).singleElement().satisfies(e -> {
            assertThat(e.get("enabled").asBoolean()).isTrue();
            assertThat(e.get("method").asString()).isEqualTo("TOTP");
        });
        String stored = jdbc.sql("SELECT string_agg(code_hash, ',') FROM backup_codes WHERE user_id = ?")
                .param(admin.id()).query(String.class).single();
        assertThat(stored).doesNotContain(codes.get(0).asString());
        assertThat(api().post("/v1/auth/mfa/setup", body("mfaToken", mfaToken)).code()).isEqualTo("MFA_TOKEN_EXPIRED");
    }

    @Test
    void aBackupCodeSignsInOnce() {
        TestUser admin = users.staffWithoutAuthenticator(Role.SUPER_ADMIN);
        String enrolToken = login(admin.email(), admin.password()).data().get("mfaToken").asString();
        String secret = api().post("/v1/auth/mfa/setup", body("mfaToken", enrolToken)).data().get("secret").asString();
        List<String> codes = new ArrayList<>();
        api().post("/v1/auth/mfa/enable", body("mfaToken", enrolToken, "code",
                Totp.codeAt(Base32.decode(secret), clock.instant()))).data().get("backupCodes")
                .forEach(c -> codes.add(c.asString()));

        String first = login(admin.email(), admin.password()).data().get("mfaToken").asString();
        assertThat(api().post("/v1/auth/mfa/verify", body("mfaToken", first, "backupCode", codes.get(3))).status())
                .isEqualTo(200);
        String second = login(admin.email(), admin.password()).data().get("mfaToken").asString();

        assertThat(api().post("/v1/auth/mfa/verify", body("mfaToken", second, "backupCode", codes.get(3))).code())
                .isEqualTo("INVALID_MFA_CODE");
    }

    @Test
    void aSignedInCustomerCanTurnOnMfaWithTheirPassword() {
        TestUser customer = users.active(Role.CUSTOMER);
        SignedIn session = signIn(customer);

        assertThat(session.api().post("/v1/auth/mfa/setup", body("password", "Wrong-Password-42!")).code())
                .isEqualTo("INVALID_CURRENT_PASSWORD");
        assertThat(session.api().post("/v1/auth/mfa/enable", body("code", "123456")).code())
                .isEqualTo("MFA_SETUP_INCOMPLETE");
        String secret = session.api().post("/v1/auth/mfa/setup", body("password", customer.password()))
                .data().get("secret").asString();
        Reply enabled = session.api().post("/v1/auth/mfa/enable",
                body("code", Totp.codeAt(Base32.decode(secret), clock.instant())));

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.data().get("backupCodes").size()).isEqualTo(10);
        assertThat(enabled.data().has("accessToken")).isFalse();
        assertThat(session.api().post("/v1/auth/mfa/setup", body("password", customer.password())).code())
                .isEqualTo("MFA_ALREADY_ENABLED");
        assertThat(login(customer.email(), customer.password()).data().get("mfaRequired").asBoolean()).isTrue();
    }

    @Test
    void verifyNeedsExactlyOneKindOfCode() {
        assertThat(api().post("/v1/auth/mfa/verify", body("mfaToken", "x", "code", "123456", "backupCode", "ABCDEFGH"))
                .status()).isEqualTo(400);
        assertThat(api().post("/v1/auth/mfa/verify", body("mfaToken", "x")).status()).isEqualTo(400);
        assertThat(api().post("/v1/auth/mfa/verify", body("mfaToken", "x", "code", "12345")).status()).isEqualTo(400);
    }
}
