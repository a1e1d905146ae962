package uk.co.lomashwood.notification.admin;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.test.http.ServiceCaller;
import uk.co.lomashwood.platform.test.mail.Mailbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Ad-hoc and bulk sends by an admin, batch summaries and cancelling a scheduled batch (spec 40 §1.3). */
class AdminSendsIT extends NotificationIntegrationTest {

    private static final String BASE = "/v1/admin/notifications";

    @Test
    void anAdHocSendIsDeliveredAndARepeatedIdempotencyKeyReplaysIt() {
        String email = unique("adhoc");
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = body("channel", "EMAIL", "templateSlug", "contact-acknowledgement-email",
                "to", body("email", email, "name", "Zoe"), "variables", Map.of("messagePreview", "About my worktop"));
        Reply first = admin().with("Idempotency-Key", key).post(BASE + "/send", request);
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        Mailbox.Mail mail = Mailbox.latestTo(email);
        assertThat(mail.text()).contains("Hello Zoe,", "About my worktop");
        Reply again = admin().with("Idempotency-Key", key).post(BASE + "/send", request);
        assertThat(again.data().get("notificationId").asString()).isEqualTo(first.data().get("notificationId").asString());
        assertThat(Mailbox.to(email)).hasSize(1);

        assertThat(admin().post(BASE + "/send", body("channel", "EMAIL", "templateSlug", "no-such-email",
                "to", body("email", email))).code()).isEqualTo("TEMPLATE_NOT_FOUND");
        assertThat(admin().post(BASE + "/send", body("channel", "EMAIL", "templateSlug", "contact-acknowledgement-email",
                "to", body("email", email))).code()).isEqualTo("TEMPLATE_MISSING_VARIABLE");
        assertThat(admin().post(BASE + "/send", body("channel", "PUSH", "templateSlug", "order-confirmation-push",
                "to", body("userId", UUID.randomUUID().toString()),
                "variables", Map.of("orderRef", "x", "totalAmount", "y"))).code()).isEqualTo("PUSH_NO_TOKENS_REGISTERED");
    }

    @Test
    void aBulkSendRejectsBadRecipientsWithoutAbortingAndAScheduledBatchCanBeCancelled() {
        ServiceCaller admin = admin();
        List<Map<String, Object>> recipients = new ArrayList<>();
        recipients.add(body("to", body("email", unique("bulk-a"), "name", "Amy")));
        recipients.add(body("to", body("phone", "+447700900111")));
        recipients.add(body("to", body("email", unique("bulk-b")), "variables", Map.of("customerName", "Ben")));
        Reply bulk = admin.post(BASE + "/bulk", body("channel", "EMAIL", "templateSlug", "contact-acknowledgement-email",
                "recipients", recipients, "variables", Map.of("messagePreview", "Spring opening hours"),
                "scheduledAt", Instant.now().plus(2, ChronoUnit.HOURS).toString()));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(202);
        assertThat(bulk.data().get("totalQueued").asInt()).isEqualTo(2);
        assertThat(bulk.data().get("rejected").toString()).contains("\"index\":1", "VALIDATION_ERROR");
        String batchId = bulk.data().get("batchId").asString();
        assertThat(batchId).startsWith("batch_");

        JsonNode summary = admin.get(BASE + "/batches/" + batchId).data();
        assertThat(summary.get("status").asString()).isEqualTo("QUEUED");
        assertThat(summary.get("totalQueued").asLong()).isEqualTo(2);
        JsonNode cancelled = admin.post(BASE + "/batches/" + batchId + "/cancel", body()).data();
        assertThat(cancelled.get("cancelled").asLong()).isEqualTo(2);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(admin.get(BASE + "/batches/batch_unknown").code()).isEqualTo("BATCH_NOT_FOUND");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(body("to", body("email", "x" + i + "@example.com")));
        }
        assertThat(admin.post(BASE + "/bulk", body("channel", "EMAIL", "templateSlug", "contact-acknowledgement-email",
                "recipients", tooMany)).code()).isEqualTo("VALIDATION_ERROR");
    }
}
