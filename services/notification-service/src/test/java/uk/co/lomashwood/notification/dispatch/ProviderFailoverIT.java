package uk.co.lomashwood.notification.dispatch;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.test.mail.Mailbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec 40 §1.4.4 steps 5 and 9 with the primary SMTP provider broken (it insists on SMTPS, the server speaks plain
 * SMTP, so every connection fails) and the SMTP relay working: each email fails over within its first attempt, and
 * after 5 failures the primary is skipped.
 */
class ProviderFailoverIT extends NotificationIntegrationTest {

    @DynamicPropertySource
    static void primaryDown(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.protocol", () -> "smtps");
        registry.add("lomash.notification.email.fallback-host", () -> "127.0.0.1");
        registry.add("lomash.notification.email.fallback-port", Mailbox::port);
        registry.add("lomash.notification.email.fallback-starttls", () -> "false");
    }

    private UUID send(String email) {
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "contact-acknowledgement-email", "channel", "EMAIL", "recipient", body("email", email),
                        "variables", Map.of("customerName", "Wren", "messagePreview", "Hello")));
        return UUID.fromString(reply.data().get("notificationId").asString());
    }

    private List<String> attempts(UUID id) {
        return jdbc.sql("""
                        SELECT attempt_no || ' ' || provider || ' ' || outcome || CASE WHEN failover THEN ' failover' ELSE '' END
                        FROM notification_attempts WHERE notification_id = ? ORDER BY started_at""")
                .param(id).query(String.class).list();
    }

    @Test
    void emailFailsOverToTheRelayInTheSameAttemptAndADegradedPrimaryIsSkipped() {
        String first = unique("failover");
        UUID id = send(first);
        assertThat(Mailbox.latestTo(first).subject()).isEqualTo("We have received your message");
        awaitStatus(id, "SENT");
        assertThat(attempts(id)).containsExactly("1 smtp RETRYABLE_ERROR", "1 smtp-relay SUCCESS failover");
        assertThat(jdbc.sql("SELECT provider FROM notifications WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("smtp-relay");

        for (int i = 0; i < 5; i++) {
            UUID next = send(unique("degrade"));
            awaitStatus(next, "SENT");
        }
        UUID later = send(unique("degraded"));
        awaitStatus(later, "SENT");
        assertThat(attempts(later)).as("the primary is DEGRADED for 60 s").containsExactly("1 smtp-relay SUCCESS");
    }
}
