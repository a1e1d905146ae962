package uk.co.lomashwood.notification.dispatch;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.notification.support.ProviderStubs;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.test.mail.Mailbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Spec 40 §1.4.4 step 8 with the redrive window shrunk from 24 h to a moment: give up, then tell ops once. */
@TestPropertySource(properties = {"lomash.notification.redrive-interval=100ms", "lomash.notification.redrive-window=300ms"})
class RetriesExhaustedIT extends NotificationIntegrationTest {

    @Test
    void anSmsTwilioKeepsRefusingEndsFailedAndOpsAreAlertedOnce() {
        String phone = uniquePhone();
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.MESSAGES_PATH))
                .withRequestBody(containing(phone.substring(1)))
                .willReturn(ProviderStubs.json(503, ProviderStubs.twilioError(20500, 503, "Service unavailable"))));
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "order-confirmation-sms", "channel", "SMS", "recipient", body("phone", phone),
                        "variables", Map.of("orderRef", "LW-X-1", "totalAmount", "£10.00", "orderUrl", "https://x.test/o"),
                        "priority", "HIGH"));
        UUID id = UUID.fromString(reply.data().get("notificationId").asString());

        await(() -> jdbc.sql("SELECT status || '/' || COALESCE(status_reason, '-') FROM notifications WHERE id = ?")
                .param(id).query(String.class).single(), "FAILED/RETRIES_EXHAUSTED"::equals);
        List<Mailbox.Mail> alerts = await(() -> Mailbox.to("ops@lomashwood.co.uk").stream()
                .filter(m -> m.text().contains(id.toString())).toList(), list -> !list.isEmpty());
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo("System alert: Notification retries exhausted");
            assertThat(alert.text()).contains("SMS notification " + id, "order-confirmation-sms", "20500")
                    .doesNotContain(phone);
        });
    }
}
