package uk.co.lomashwood.auth.registration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.auth.support.AuthIntegrationTest;
import uk.co.lomashwood.platform.test.mail.Mailbox;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.auth.support.TestUsers;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationAndVerificationIT extends AuthIntegrationTest {

    private String phone;

    private Reply register(String email) {
        phone = "07700 " + (100000 + new java.util.Random().nextInt(900000));
        return api().post("/v1/auth/register", body("email", email, "password", TestUsers.PASSWORD,
                "firstName", "  Amelia ", "lastName", "O'Neill", "phone", phone));
    }

    @Test
    void registeringCreatesAPendingCustomerWithoutTokensAndSendsLinkAndCode() {
        String email = TestUsers.uniqueEmail("amelia");

        Reply reply = register("  " + email.toUpperCase() + " ");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.headers().firstValue("Location")).hasValue("/v1/auth/me");
        JsonNode user = reply.data().get("user");
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("firstName").asString()).isEqualTo("Amelia");
        assertThat(user.get("role").asString()).isEqualTo("CUSTOMER");
        assertThat(user.get("status").asString()).isEqualTo("PENDING_VERIFICATION");
        assertThat(user.get("emailVerified").asBoolean()).isFalse();
        assertThat(reply.data().get("verificationRequired").asBoolean()).isTrue();
        assertThat(reply.raw()).doesNotContain("accessToken", "refreshToken", "password");
        assertThat(reply.cookies()).isEmpty();

        Mailbox.Mail mail = Mailbox.latestTo(email);
        assertThat(mail.subject()).isEqualTo("Confirm your Lomash Wood email address");
        assertThat(mail.find("(https://www\\.lomashwood\\.test/verify-email\\?token=[0-9a-f]{64})")).isNotEmpty();
        assertThat(mail.find("code: (\\d{6})")).hasSize(6);
        assertThat(mail.html()).contains("Hello Amelia", "verify-email?token=");

        UUID id = UUID.fromString(user.get("id").asString());
        JsonNode created = events("auth.user.created", id).getFirst();
        assertThat(created.get("email").asString()).isEqualTo(email);
        assertThat(created.get("phone").asString()).isEqualTo("+447700" + phone.substring(6));
        assertThat(created.get("role").asString()).isEqualTo("CUSTOMER");
    }

    @Test
    void theSameEmailInAnotherCaseIsAlreadyTaken() {
        String email = TestUsers.uniqueEmail("dup");
        assertThat(register(email).status()).isEqualTo(201);

        Reply again = api().post("/v1/auth/register", body("email", email.toUpperCase(), "password", TestUsers.PASSWORD,
                "firstName", "Other", "lastName", "Person"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("EMAIL_ALREADY_EXISTS");
    }

    @Test
    void aWeakPasswordIsRefusedWithEveryBrokenRule() {
        Reply reply = api().post("/v1/auth/register", body("email", TestUsers.uniqueEmail("weak"),
                "password", "password", "firstName", "Weak", "lastName", "Password"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("errors").findValuesAsString("field")).containsOnly("password");
        assertThat(reply.json().get("errors").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void invalidNamesEmailsAndPhonesAreRefused() {
        Reply reply = api().post("/v1/auth/register", body("email", "not-an-email", "password", TestUsers.PASSWORD,
                "firstName", "A", "lastName", "<script>", "phone", "12"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").findValuesAsString("field"))
                .contains("email", "firstName", "lastName", "phone");
    }

    @Test
    void theLinkVerifiesTheAccountOnceAndThenLoginWorks() {
        String email = TestUsers.uniqueEmail("link");
        register(email);
        assertThat(login(email, TestUsers.PASSWORD).code()).isEqualTo("EMAIL_NOT_VERIFIED");
        String token = Mailbox.latestTo(email).find("token=([0-9a-f]{64})");

        Reply verified = api().post("/v1/auth/verify-email", body("token", token));

        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.data().get("emailVerified").asBoolean()).isTrue();
        assertThat(api().post("/v1/auth/verify-email", body("token", token)).code()).isEqualTo("EMAIL_ALREADY_VERIFIED");
        assertThat(login(email, TestUsers.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theSixDigitCodeVerifiesTheAccount() {
        String email = TestUsers.uniqueEmail("code");
        UUID id = UUID.fromString(register(email).data().get("user").get("id").asString());
        String code = Mailbox.latestTo(email).find("code: (\\d{6})");

        Reply verified = api().post("/v1/auth/verify-email", body("email", email, "otp", code));

        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(events("auth.email.verified", id)).singleElement()
                .satisfies(e -> assertThat(e.get("email").asString()).isEqualTo(email));
        assertThat(events("auth.user.status_changed", id)).singleElement()
                .satisfies(e -> assertThat(e.get("newStatus").asString()).isEqualTo("ACTIVE"));
    }

    @Test
    void wrongCodesCountDownAndTheFifthBlocksFurtherTries() {
        String email = TestUsers.uniqueEmail("wrong");
        register(email);
        String code = Mailbox.latestTo(email).find("code: (\\d{6})");
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int left = 4; left >= 0; left--) {
            Reply reply = api().post("/v1/auth/verify-email", body("email", email, "otp", wrong));
            assertThat(reply.code()).isEqualTo("INVALID_OTP");
            assertThat(reply.json().get("remainingAttempts").asInt()).isEqualTo(left);
        }
        Reply blocked = api().post("/v1/auth/verify-email", body("email", email, "otp", code));

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void anUnknownLinkTokenOrMissingCodeIsRefused() {
        assertThat(api().post("/v1/auth/verify-email", body("token", "a".repeat(64))).code())
                .isEqualTo("INVALID_VERIFICATION_TOKEN");
        assertThat(api().post("/v1/auth/verify-email", body("email", TestUsers.uniqueEmail("nobody"), "otp", "123456")).code())
                .isEqualTo("OTP_EXPIRED");
        assertThat(api().post("/v1/auth/verify-email", body("token", "a".repeat(64), "otp", "123456")).status())
                .isEqualTo(400);
    }

    @Test
    void resendAnswersTheSameForEveryoneAndReplacesTheEarlierLink() {
        String email = TestUsers.uniqueEmail("resend");
        register(email);
        String firstToken = Mailbox.latestTo(email).find("token=([0-9a-f]{64})");
        clock.advance(java.time.Duration.ofMinutes(6));

        Reply known = api().post("/v1/auth/resend-verification", body("email", email));
        Reply unknown = api().post("/v1/auth/resend-verification", body("email", TestUsers.uniqueEmail("ghost")));

        assertThat(known.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(known.data()).isEqualTo(unknown.data());
        Mailbox.awaitCount(email, 2);
        assertThat(api().post("/v1/auth/verify-email", body("token", firstToken)).code())
                .isEqualTo("INVALID_VERIFICATION_TOKEN");
        String secondToken = Mailbox.latestTo(email).find("token=([0-9a-f]{64})");
        assertThat(api().post("/v1/auth/verify-email", body("token", secondToken)).status()).isEqualTo(200);
    }

    @Test
    void aResendWithinTheCooldownIsSilentlyIgnored() {
        String email = TestUsers.uniqueEmail("cooldown");
        register(email);
        Mailbox.latestTo(email);

        assertThat(api().post("/v1/auth/resend-verification", body("email", email)).status()).isEqualTo(200);

        assertThat(Mailbox.to(email)).hasSize(1);
    }
}
