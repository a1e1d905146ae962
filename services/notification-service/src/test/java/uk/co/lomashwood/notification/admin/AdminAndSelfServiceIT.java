package uk.co.lomashwood.notification.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.gate.UnsubscribeTokens;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.PreferenceTopic;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.test.http.ServiceCaller;
import uk.co.lomashwood.platform.test.mail.Mailbox;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin history and templates, the customer's preferences, unsubscribe links, and who may call what. */
class AdminAndSelfServiceIT extends NotificationIntegrationTest {

    @Autowired
    private UnsubscribeTokens tokens;

    private Reply bookingEmail(UUID userId, String email) {
        return api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "appointment-confirmed-email", "channel", "EMAIL",
                        "recipient", body("userId", userId, "email", email), "priority", "HIGH",
                        "variables", Map.of("customerName", "Oliver", "appointmentType", "Showroom visit",
                                "appointmentDate", "Friday 6 March 2026", "appointmentTime", "11:30",
                                "appointmentRef", "LW-ADM1", "manageUrl", "https://www.lomashwood.test/m")));
    }

    @Test
    void adminRoutesRefuseAnonymousAndCustomerCallers() {
        assertThat(api().get("/v1/admin/notifications").status()).isEqualTo(401);
        assertThat(api().as(UUID.randomUUID(), "CUSTOMER").get("/v1/admin/notifications").code()).isEqualTo("FORBIDDEN");
        assertThat(api().as(UUID.randomUUID(), "CONSULTANT").get("/v1/admin/notifications/templates").status())
                .isEqualTo(403);
        assertThat(api().as(UUID.randomUUID(), "SUPER_ADMIN").get("/v1/admin/notifications").status()).isEqualTo(200);
        assertThat(api().get("/v1/notifications/me/preferences").status()).isEqualTo(401);
    }

    @Test
    void historyFiltersByRecipientAndShowsAttemptsAndLogs() {
        String email = unique("oliver");
        UUID id = UUID.fromString(bookingEmail(UUID.randomUUID(), email).data().get("notificationId").asString());
        awaitStatus(id, "SENT");

        Reply list = admin().get("/v1/admin/notifications?recipient=" + email + "&channel=email&status=SENT");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.data()).singleElement().satisfies(row -> {
            assertThat(row.get("id").asString()).isEqualTo(id.toString());
            assertThat(row.get("template").asString()).isEqualTo("appointment-confirmed-email");
            assertThat(row.get("recipient").asString()).startsWith("o***@");
        });
        assertThat(list.json().get("pagination").get("total").asInt()).isEqualTo(1);

        JsonNode detail = admin().get("/v1/admin/notifications/" + id).data();
        assertThat(detail.get("attempts")).singleElement()
                .satisfies(a -> assertThat(a.get("outcome").asString()).isEqualTo("SUCCESS"));
        assertThat(detail.get("logs").findValuesAsString("event")).contains("CREATED", "QUEUED", "SENT");
        assertThat(admin().get("/v1/admin/notifications?status=NOPE").code()).isEqualTo("VALIDATION_ERROR");
        assertThat(admin().get("/v1/admin/notifications/" + UUID.randomUUID()).code()).isEqualTo("NOTIFICATION_NOT_FOUND");
        assertThat(admin().post("/v1/admin/notifications/" + id + "/retry", null).code())
                .isEqualTo("INVALID_STATUS_TRANSITION");
    }

    @Test
    void templatesAreListedPreviewedAndTestSentToStaffOnly() {
        Reply list = admin().get("/v1/admin/notifications/templates?channel=EMAIL&search=verification");
        assertThat(list.data()).singleElement().satisfies(t -> {
            assertThat(t.get("slug").asString()).isEqualTo("account-email-verification-email");
            assertThat(t.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(t.get("version").asInt()).isEqualTo(1);
        });
        String id = list.data().get(0).get("id").asString();

        JsonNode preview = admin().post("/v1/admin/notifications/templates/" + id + "/preview",
                body("variables", Map.of("customerName", "Ada", "otpCode", "123456"))).data();
        assertThat(preview.get("subject").asString()).isEqualTo("Confirm your Lomash Wood email address");
        assertThat(preview.get("textBody").asString()).contains("Hello Ada,", "123456");
        assertThat(preview.get("missingVariables").findValuesAsString("missingVariables")).isEmpty();
        assertThat(preview.get("missingVariables").toString()).contains("verifyUrl", "expiresInMinutes");

        Reply outsider = admin().post("/v1/admin/notifications/templates/" + id + "/test-send",
                body("variables", Map.of(), "to", "someone@gmail.com"));
        assertThat(outsider.status()).isEqualTo(400);
        Reply staff = admin().post("/v1/admin/notifications/templates/" + id + "/test-send",
                body("variables", Map.of("customerName", "Ada", "verifyUrl", "https://x.test/v", "otpCode", "111111",
                        "expiresInMinutes", "10"), "to", "qa-templates@lomashwood.co.uk"));
        assertThat(staff.status()).as(staff.toString()).isEqualTo(202);
        assertThat(Mailbox.latestTo("qa-templates@lomashwood.co.uk").text()).contains("111111");
    }

    @Test
    void preferencesResolveDefaultsAndAnOptOutSuppressesTheTopic() {
        UUID userId = UUID.randomUUID();
        ServiceCaller customer = api().as(userId, "CUSTOMER");
        JsonNode defaults = customer.get("/v1/notifications/me/preferences").data();
        assertThat(defaults.get("email").get("bookingConfirmations").asBoolean()).isTrue();
        assertThat(defaults.get("email").get("newsletter").asBoolean()).isFalse();
        assertThat(defaults.get("sms").get("orderUpdates").asBoolean()).isFalse();
        assertThat(defaults.get("quietHours").get("timezone").asString()).isEqualTo("Europe/London");

        Reply patched = customer.patch("/v1/notifications/me/preferences",
                body("email", body("bookingConfirmations", false), "quietHours", body("enabled", true, "start", "22:00")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.data().get("email").get("bookingConfirmations").asBoolean()).isFalse();
        assertThat(patched.data().get("quietHours").get("start").asString()).isEqualTo("22:00");

        UUID id = UUID.fromString(bookingEmail(userId, unique("optout")).data().get("notificationId").asString());
        assertThat(status(id)).isEqualTo("SUPPRESSED");

        assertThat(customer.patch("/v1/notifications/me/preferences", body("email", body("newsletter", "yes"))).raw())
                .contains("VALIDATION_ERROR", "email.newsletter");
        assertThat(customer.patch("/v1/notifications/me/preferences", body()).status()).isEqualTo(400);
        assertThat(customer.patch("/v1/notifications/me/preferences", body("quietHours", body("start", "25:00")))
                .status()).isEqualTo(400);
    }

    @Test
    void anUnsubscribeLinkIsReadOnlyOnGetAndSuppressesTheTopicOnPost() {
        String email = unique("unsub");
        String token = tokens.issue(Channel.EMAIL, email, null, PreferenceTopic.BOOKING_CONFIRMATIONS);
        ServiceCaller anyone = api();

        JsonNode before = anyone.get("/v1/notifications/unsubscribe?token=" + token).data();
        assertThat(before.get("alreadyUnsubscribed").asBoolean()).isFalse();
        assertThat(before.get("addressMasked").asString()).startsWith("u***@");
        UUID sent = UUID.fromString(bookingEmail(UUID.randomUUID(), email).data().get("notificationId").asString());
        awaitStatus(sent, "SENT");
        assertThat(Mailbox.latestTo(email).html()).contains("/v1/notifications/unsubscribe?token=");

        Reply done = anyone.post("/v1/notifications/unsubscribe?token=" + token, null);
        assertThat(done.data().get("unsubscribed").asBoolean()).isTrue();
        assertThat(anyone.get("/v1/notifications/unsubscribe?token=" + token).data().get("alreadyUnsubscribed")
                .asBoolean()).isTrue();
        UUID after = UUID.fromString(bookingEmail(UUID.randomUUID(), email).data().get("notificationId").asString());
        assertThat(status(after)).isEqualTo("SUPPRESSED");

        assertThat(anyone.get("/v1/notifications/unsubscribe?token=" + token + "x").code())
                .isEqualTo("INVALID_UNSUBSCRIBE_TOKEN");
    }
}
