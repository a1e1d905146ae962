package uk.co.lomashwood.notification.admin;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.gate.Addresses;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.test.http.ServiceCaller;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Cancel, stats, a user's preferences and the suppression list, as an admin (spec 40 §1.3). */
class AdminOperationsIT extends NotificationIntegrationTest {

    private static final String BASE = "/v1/admin/notifications";

    private UUID acknowledgement(String email, Instant at) {
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "contact-acknowledgement-email", "channel", "EMAIL", "recipient", body("email", email),
                        "variables", Map.of("customerName", "Yara", "messagePreview", "Hello"),
                        "scheduledAt", at == null ? null : at.toString()));
        return UUID.fromString(reply.data().get("notificationId").asString());
    }

    @Test
    void aScheduledNotificationCanBeCancelledOnceAndASentOneNot() {
        ServiceCaller admin = admin();
        UUID later = acknowledgement(unique("later"), Instant.now().plus(1, ChronoUnit.HOURS));
        Reply cancelled = admin.post(BASE + "/" + later + "/cancel", body());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(status(later)).isEqualTo("CANCELLED");
        assertThat(admin.post(BASE + "/" + later + "/cancel", body()).code()).isEqualTo("INVALID_STATUS_TRANSITION");
        UUID now = acknowledgement(unique("now"), null);
        awaitStatus(now, "SENT");
        assertThat(admin.post(BASE + "/" + now + "/cancel", body()).code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(admin.post(BASE + "/" + UUID.randomUUID() + "/cancel", body()).code())
                .isEqualTo("NOTIFICATION_NOT_FOUND");
    }

    @Test
    void statsCountOutcomesPerChannelWithRates() {
        UUID sent = acknowledgement(unique("stats"), null);
        awaitStatus(sent, "SENT");
        Reply reply = admin().get(BASE + "/stats?channel=email&from=" + Instant.now().minus(1, ChronoUnit.DAYS));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode email = reply.data().get("channels").get("EMAIL");
        assertThat(email.get("sent").asLong()).isPositive();
        assertThat(reply.raw()).as("rates in %% with two decimals").containsPattern("\"deliveryRate\":\\d+\\.\\d{2}[,}]");
        assertThat(reply.data().get("channels").has("SMS")).isFalse();
        assertThat(reply.data().get("providers").get("smtp").asLong()).isPositive();
        assertThat(admin().get(BASE + "/stats?from=yesterday").code()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void providersHealthAndRetryPoliciesAreReadableWithoutSecrets() {
        ServiceCaller admin = admin();
        Reply providers = admin.get(BASE + "/providers");
        assertThat(providers.data().get("EMAIL").get(0).get("name").asString()).isEqualTo("smtp");
        assertThat(providers.data().get("SMS").get(0).get("type").asString()).isEqualTo("TWILIO");
        assertThat(providers.raw()).doesNotContain("twilio-test-auth-token", "private_key");
        JsonNode health = admin.get(BASE + "/providers/health").data();
        assertThat(health.get("sms").get("activeProvider").asString()).isEqualTo("twilio-sms");
        assertThat(health.get("push").get("providers").get(0).get("healthy").asBoolean()).isTrue();
        JsonNode policies = admin.get(BASE + "/retry-policies").data();
        assertThat(policies).hasSize(5);
        assertThat(policies.get(0).toString()).contains("email-exponential-default", "EXPONENTIAL_BACKOFF",
                "\"maxAttempts\":4", "\"isDefault\":true");
    }

    @Test
    void campaignsAreOffUnlessTheFeatureFlagIsOn() {
        assertThat(admin().get(BASE + "/campaigns").code()).isEqualTo("FEATURE_DISABLED");
        assertThat(admin().post(BASE + "/campaigns/" + UUID.randomUUID() + "/launch", body()).code())
                .isEqualTo("FEATURE_DISABLED");
    }

    @Test
    void anAdminReadsAndOptsAUserOutOfEverythingOptional() {
        UUID userId = UUID.randomUUID();
        ServiceCaller admin = admin();
        assertThat(admin.get(BASE + "/preferences/" + userId).data().get("email").get("bookingConfirmations").asBoolean())
                .isTrue();
        Reply patched = admin.patch(BASE + "/preferences/" + userId, body("optOutAll", true));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.data().get("email").get("bookingConfirmations").asBoolean()).isFalse();
        assertThat(patched.data().get("sms").get("bookingReminders").asBoolean()).isFalse();
        assertThat(admin.patch(BASE + "/preferences/" + userId, body("email", body("loyalty", true))).data()
                .get("email").get("loyalty").asBoolean()).isTrue();
        assertThat(api().as(UUID.randomUUID(), "CUSTOMER").get(BASE + "/preferences/" + userId).status()).isEqualTo(403);
    }

    @Test
    void manualSuppressionsAreListedByHashedAddressAndComplaintsNeedASuperAdmin() {
        ServiceCaller admin = admin();
        String email = unique("manual");
        Reply created = admin.post(BASE + "/suppressions", body("channel", "EMAIL", "address", email,
                "topic", "PROMOTIONS", "reason", "MANUAL"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().get("addressMasked").asString()).isEqualTo(Addresses.mask(email));
        assertThat(admin.post(BASE + "/suppressions", body("channel", "EMAIL", "address", email, "topic", "PROMOTIONS",
                "reason", "MANUAL")).code()).isEqualTo("SUPPRESSION_EXISTS");
        assertThat(admin.post(BASE + "/suppressions", body("channel", "EMAIL", "address", email, "reason", "COMPLAINT"))
                .code()).isEqualTo("VALIDATION_ERROR");
        assertThat(admin.post(BASE + "/suppressions", body("channel", "SMS", "address", "07700 900123", "reason", "MANUAL"))
                .code()).isEqualTo("VALIDATION_ERROR");
        JsonNode listed = admin.get(BASE + "/suppressions?address=" + email.toUpperCase()).data();
        assertThat(listed).singleElement().satisfies(s -> assertThat(s.get("topic").asString()).isEqualTo("PROMOTIONS"));

        String complainer = unique("complainer");
        jdbc.sql("""
                        INSERT INTO notification_suppressions (id, channel, address_hash, address_masked, topic, reason, source)
                        VALUES (?, 'EMAIL', ?, ?, 'NEWSLETTER', 'COMPLAINT', 'SES_COMPLAINT')""")
                .params(UUID.randomUUID(), Addresses.hash(complainer), Addresses.mask(complainer)).update();
        String complaintId = admin.get(BASE + "/suppressions?address=" + complainer).data().get(0).get("id").asString();
        assertThat(admin.delete(BASE + "/suppressions/" + complaintId).code()).isEqualTo("SUPPRESSION_LOCKED");
        assertThat(api().as(UUID.randomUUID(), "SUPER_ADMIN").delete(BASE + "/suppressions/" + complaintId).status())
                .isEqualTo(204);
        assertThat(admin.delete(BASE + "/suppressions/" + created.data().get("id").asString()).status()).isEqualTo(204);
        assertThat(admin.get(BASE + "/suppressions?address=" + email).data()).isEmpty();
    }
}
