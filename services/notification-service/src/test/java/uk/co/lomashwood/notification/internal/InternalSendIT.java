package uk.co.lomashwood.notification.internal;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.test.mail.Mailbox;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /internal/notifications} with exactly the payload auth-service's sender posts. */
class InternalSendIT extends NotificationIntegrationTest {

    /** As {@code NotificationServiceCredentialSender} builds it (nulls included: Jackson writes them). */
    private Map<String, Object> verification(UUID userId, String email) {
        return body("templateSlug", "account-email-verification-email", "channel", "EMAIL",
                "recipient", body("userId", userId.toString(), "email", email),
                "variables", Map.of("customerName", "Amelia", "verifyUrl", "https://www.lomashwood.test/verify-email?token=abc.def",
                        "otpCode", "482913", "expiresInMinutes", "10"),
                "priority", "CRITICAL",
                "source", body("topic", null, "eventId", null, "entityType", "user", "entityId", userId.toString()));
    }

    @Test
    void verificationEmailFromAuthServiceIsRenderedAndDelivered() {
        String email = unique("amelia");
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/internal/notifications", verification(UUID.randomUUID(), email));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.data().get("status").asString()).isIn("QUEUED", "SENT", "PROCESSING");
        Mailbox.Mail mail = Mailbox.latestTo(email);
        assertThat(mail.subject()).isEqualTo("Confirm your Lomash Wood email address");
        assertThat(mail.text()).contains("Hello Amelia,", "482913", "https://www.lomashwood.test/verify-email?token=abc.def",
                "expires in 10 minutes", "Lomash Wood");
        assertThat(mail.html()).contains("lang=\"en-GB\"", "482913", "href=\"https://www.lomashwood.test/verify-email?token=abc.def\"");
        UUID id = UUID.fromString(reply.data().get("notificationId").asString());
        awaitStatus(id, "SENT");
        assertThat(jdbc.sql("SELECT metadata->>'otpCode' FROM notifications WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo("[redacted]");
        assertThat(events("notification.email.sent", id)).singleElement()
                .satisfies(e -> assertThat(e.get("data").get("recipient").asString()).startsWith("a***@"));
    }

    @Test
    void aRepeatedIdempotencyKeyReplaysTheAnswerAndSendsOnce() {
        String email = unique("replay");
        String key = UUID.randomUUID().toString();
        UUID userId = UUID.randomUUID();
        Reply first = api().with("Idempotency-Key", key).post("/internal/notifications", verification(userId, email));
        Reply second = api().with("Idempotency-Key", key).post("/internal/notifications", verification(userId, email));

        assertThat(second.status()).isEqualTo(202);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(second.data().get("notificationId")).isEqualTo(first.data().get("notificationId"));
        Mailbox.awaitCount(email, 1);
        awaitStatus(UUID.fromString(first.data().get("notificationId").asString()), "SENT");
        assertThat(Mailbox.to(email)).hasSize(1);
    }

    @Test
    void aSendAbandonedMidwayByAStoppedInstanceIsPickedUpAgain() {
        String email = unique("abandoned");
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "account-password-changed-email", "channel", "EMAIL",
                        "recipient", body("email", email),
                        "variables", Map.of("customerName", "Amelia", "changedAt", "25 November 2026 at 21:30")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        UUID id = UUID.fromString(reply.data().get("notificationId").asString());
        awaitStatus(id, "SENT");
        // as if the instance had claimed it and stopped before recording the outcome, six minutes ago
        jdbc.sql("UPDATE notifications SET status = 'PROCESSING', sent_at = NULL, "
                + "updated_at = now() - interval '6 minutes' WHERE id = ?").param(id).update();

        awaitStatus(id, "SENT");
        Mailbox.awaitCount(email, 2);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "staff-invite-email|You have been invited to Lomash Wood|firstName=Priya;role=CONSULTANT;inviteUrl=https://admin.lomashwood.test/invite?token=t0k3n",
            "gdpr-export-ready-email|Your Lomash Wood data export is ready|customerName=Amelia;downloadUrl=https://files.lomashwood.test/export.json?sig=abc",
            "gdpr-erasure-confirmation-email|Your Lomash Wood account has been deleted|customerName=Amelia;completedAt=25 November 2026"})
    void theOtherSecretOrLegalMessagesOfOtherServicesAreSent(String slug, String subject, String variables) {
        String email = unique(slug.substring(0, 5));
        Map<String, Object> vars = new java.util.LinkedHashMap<>();
        for (String pair : variables.split(";")) {
            vars.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", slug, "channel", "EMAIL", "recipient", body("email", email), "variables", vars,
                        "priority", "HIGH"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        Mailbox.Mail mail = Mailbox.latestTo(email);
        assertThat(mail.subject()).isEqualTo(subject);
        vars.values().forEach(value -> assertThat(mail.text()).contains(value.toString()));
    }

    @Test
    void aMissingIdempotencyKeyIsRefused() {
        Reply reply = api().post("/internal/notifications", verification(UUID.randomUUID(), unique("nokey")));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void anUnknownTemplateIs422() {
        Map<String, Object> body = verification(UUID.randomUUID(), unique("unknown"));
        body.put("templateSlug", "no-such-template-email");
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications", body);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("TEMPLATE_NOT_FOUND");
    }

    @Test
    void aMissingTemplateVariableIs422WithTheKeys() {
        Map<String, Object> body = verification(UUID.randomUUID(), unique("missing"));
        body.put("variables", Map.of("customerName", "Amelia"));
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications", body);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("TEMPLATE_MISSING_VARIABLE");
        assertThat(reply.raw()).contains("otpCode", "verifyUrl");
    }

    @Test
    void badInputIsAProblemWithTheField() {
        Map<String, Object> body = verification(UUID.randomUUID(), "not-an-email");
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications", body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).contains("application/problem+json");
        assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.raw()).contains("recipient.email");

        Reply unknownField = api().with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/internal/notifications", "{\"templateSlug\":\"x\",\"bogus\":1}");
        assertThat(unknownField.status()).isEqualTo(400);
    }

    @Test
    void withoutTheInternalTokenNothingIsAccepted() {
        Reply reply = api().without("X-Internal-Token").with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/internal/notifications", verification(UUID.randomUUID(), unique("token")));
        assertThat(reply.status()).isEqualTo(401);
    }
}
