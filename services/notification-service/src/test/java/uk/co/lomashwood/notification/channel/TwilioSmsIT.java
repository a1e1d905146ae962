package uk.co.lomashwood.notification.channel;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.notification.support.ProviderStubs;
import uk.co.lomashwood.platform.test.http.Reply;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The Twilio adapter against a stub speaking Twilio's wire format: success, retried failures, dead letter, refusal. */
class TwilioSmsIT extends NotificationIntegrationTest {

    private UUID sendSms(String phone) {
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "appointment-reminder-sms", "channel", "SMS", "recipient", body("phone", phone),
                        "variables", Map.of("appointmentType", "Design consultation", "appointmentTime", "14:00",
                                "appointmentRef", "LW-TW1", "manageUrl", "https://www.lomashwood.test/m")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        return UUID.fromString(reply.data().get("notificationId").asString());
    }

    private void stub(String phone, String scenarioState, String nextState, int status, String body) {
        var mapping = post(urlEqualTo(ProviderStubs.MESSAGES_PATH)).withFormParam("To", equalTo(phone));
        if (scenarioState != null) {
            mapping = mapping.inScenario(phone).whenScenarioStateIs(scenarioState).willSetStateTo(nextState);
        }
        ProviderStubs.server().stubFor(mapping.willReturn(ProviderStubs.json(status, body)));
    }

    @Test
    void anSmsIsPostedFormEncodedWithBasicAuthAndRecordsTheMessageSid() {
        String phone = uniquePhone();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        stub(phone, null, null, 201, ProviderStubs.twilioMessage(sid, phone));

        UUID id = sendSms(phone);

        awaitStatus(id, "SENT");
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (ProviderStubs.TWILIO_SID + ":" + ProviderStubs.TWILIO_TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(ProviderStubs.server().findAll(postRequestedFor(urlEqualTo(ProviderStubs.MESSAGES_PATH))
                .withFormParam("To", equalTo(phone)).withFormParam("From", equalTo("+447700900000"))
                .withHeader("Authorization", equalTo(basic))))
                .singleElement().satisfies(request -> {
                    assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
                    assertThat(request.formParameters().get("Body").firstValue())
                            .isEqualTo("Lomash Wood: reminder of your Design consultation today at 14:00 (LW-TW1). "
                                    + "Manage it: https://www.lomashwood.test/m");
                });
        assertThat(jdbc.sql("SELECT provider_message_id FROM notifications WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo(sid);
        assertThat(events("notification.sms.sent", id)).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilTwilioAccepts() {
        String phone = uniquePhone();
        String error = ProviderStubs.twilioError(20500, 500, "Internal Server Error");
        stub(phone, Scenario.STARTED, "second", 500, error);
        stub(phone, "second", "third", 503, ProviderStubs.twilioError(20503, 503, "Service Unavailable"));
        stub(phone, "third", "done", 201, ProviderStubs.twilioMessage("SM" + "2".repeat(32), phone));

        UUID id = sendSms(phone);

        awaitStatus(id, "SENT");
        assertThat(attemptOutcomes(id)).containsExactly("RETRYABLE_ERROR", "RETRYABLE_ERROR", "SUCCESS");
    }

    @Test
    void aProviderThatKeepsFailingIsDeadLetteredAfterThePolicyLimitNeverLostSilently() {
        String phone = uniquePhone();
        stub(phone, null, null, 503, ProviderStubs.twilioError(20503, 503, "Service Unavailable"));

        UUID id = sendSms(phone);

        awaitStatus(id, "DEAD_LETTERED");
        assertThat(attemptOutcomes(id)).containsExactly("RETRYABLE_ERROR", "RETRYABLE_ERROR", "RETRYABLE_ERROR");
        assertThat(events("notification.failed", id)).singleElement()
                .satisfies(e -> assertThat(e.get("data").get("attempt").asInt()).isEqualTo(3));
        assertThat(admin().get("/v1/admin/notifications/" + id).data().get("attempts")).hasSize(3);
    }

    @Test
    void anInvalidNumberIsAPermanentFailureAndSuppressesTheNumber() {
        String phone = uniquePhone();
        stub(phone, null, null, 400, ProviderStubs.twilioError(21211, 400, "The 'To' number is not a valid phone number."));

        UUID id = sendSms(phone);

        awaitStatus(id, "FAILED");
        assertThat(attemptOutcomes(id)).containsExactly("PERMANENT_ERROR");
        assertThat(jdbc.sql("SELECT status_reason FROM notifications WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("PERMANENT_PROVIDER_ERROR");
        UUID again = sendSms(phone);
        assertThat(status(again)).isEqualTo("SUPPRESSED");
    }
}
