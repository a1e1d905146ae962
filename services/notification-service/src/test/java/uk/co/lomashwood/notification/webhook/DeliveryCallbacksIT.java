package uk.co.lomashwood.notification.webhook;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.gate.Addresses;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.notification.support.ProviderStubs;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Twilio status callbacks and SES events via SNS (spec 40 §1.4.9), signed as the providers sign them. */
class DeliveryCallbacksIT extends NotificationIntegrationTest {

    @BeforeAll
    static void snsCertificate() throws Exception {
        WebhookCalls.serveSigningCertificate();
    }

    // ---- Twilio ----

    private UUID sentSms(String phone, String sid) {
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.MESSAGES_PATH))
                .withRequestBody(containing(phone.substring(1)))
                .willReturn(ProviderStubs.json(201, ProviderStubs.twilioMessage(sid, phone))));
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "order-confirmation-sms", "channel", "SMS", "recipient", body("phone", phone),
                        "variables", Map.of("orderRef", "LW-T-1", "totalAmount", "£10.00", "orderUrl", "https://x.test/o"),
                        "priority", "HIGH"));
        UUID id = UUID.fromString(reply.data().get("notificationId").asString());
        awaitStatus(id, "SENT");
        return id;
    }

    private HttpResponse<String> twilio(Map<String, String> form, String signature) {
        return WebhookCalls.post(port, "/v1/webhooks/twilio", "application/x-www-form-urlencoded",
                WebhookCalls.form(form), signature == null ? Map.of() : Map.of("X-Twilio-Signature", signature));
    }

    private HttpResponse<String> twilio(Map<String, String> form) {
        return twilio(form, WebhookCalls.twilioSignature(form, ProviderStubs.TWILIO_TOKEN));
    }

    private static Map<String, String> status(String sid, String phone, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", ProviderStubs.TWILIO_SID);
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("MessageStatus", status);
        form.put("To", phone);
        form.put("From", "+447700900000");
        form.put("NumSegments", "1");
        return form;
    }

    private static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private long reports(UUID id) {
        return jdbc.sql("SELECT count(*) FROM delivery_reports WHERE notification_id = ?").param(id)
                .query(Long.class).single();
    }

    @Test
    void aDeliveredCallbackMarksTheSmsDeliveredOnceAndALateSentChangesNothing() {
        String phone = uniquePhone();
        String sid = sid();
        UUID id = sentSms(phone, sid);

        assertThat(twilio(status(sid, phone, "delivered")).statusCode()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(jdbc.sql("SELECT delivered_at IS NOT NULL FROM notifications WHERE id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
        assertThat(twilio(status(sid, phone, "delivered")).statusCode()).as("replay").isEqualTo(200);
        assertThat(twilio(status(sid, phone, "sent")).statusCode()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(jdbc.sql("SELECT status || '/' || segments FROM delivery_reports WHERE notification_id = ? ORDER BY created_at")
                .param(id).query(String.class).list()).containsExactly("DELIVERED/1", "SENT/1");
    }

    @Test
    void aForgedOrMissingTwilioSignatureIsRefused() {
        Map<String, String> form = status(sid(), uniquePhone(), "delivered");
        HttpResponse<String> forged = twilio(form, WebhookCalls.twilioSignature(form, "not-the-auth-token"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("INVALID_WEBHOOK_SIGNATURE");
        assertThat(twilio(form, null).statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM provider_webhook_events WHERE provider_event_id = ?")
                .param(form.get("MessageSid") + ":delivered").query(Long.class).single()).isZero();
    }

    @Test
    void anUndeliverableNumberFailsTheSmsSuppressesTheNumberAndStopStartToggleSms() {
        String phone = uniquePhone();
        String sid = sid();
        UUID id = sentSms(phone, sid);
        Map<String, String> undelivered = status(sid, phone, "undelivered");
        undelivered.put("ErrorCode", "30005");
        assertThat(twilio(undelivered).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT status || '/' || status_reason FROM notifications WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo("FAILED/PERMANENT_PROVIDER_ERROR");
        assertThat(events("notification.failed", id)).hasSize(1);
        assertThat(suppressions(phone)).containsExactly("INVALID_RECIPIENT");

        String other = uniquePhone();
        Map<String, String> stop = new LinkedHashMap<>();
        stop.put("MessageSid", sid());
        stop.put("SmsStatus", "received");
        stop.put("From", other);
        stop.put("To", "+447700900000");
        stop.put("Body", " Stop ");
        assertThat(twilio(stop).statusCode()).isEqualTo(200);
        assertThat(suppressions(other)).containsExactly("UNSUBSCRIBED");
        stop.put("MessageSid", sid());
        stop.put("Body", "START");
        twilio(stop);
        assertThat(suppressions(other)).isEmpty();
    }

    private List<String> suppressions(String address) {
        return jdbc.sql("SELECT reason FROM notification_suppressions WHERE channel = 'SMS' AND address_hash = ?")
                .param(Addresses.hash(address)).query(String.class).list();
    }

    // ---- SES via SNS ----

    private UUID sentEmail(String email) {
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "contact-acknowledgement-email", "channel", "EMAIL", "recipient", body("email", email),
                        "variables", Map.of("customerName", "Una", "messagePreview", "Hello")));
        UUID id = UUID.fromString(reply.data().get("notificationId").asString());
        awaitStatus(id, "SENT");
        return id;
    }

    private HttpResponse<String> ses(Map<String, Object> sns) {
        return WebhookCalls.post(port, "/v1/webhooks/ses", "text/plain; charset=UTF-8",
                HttpCalls.JSON.writeValueAsString(sns), Map.of("x-amz-sns-message-type", String.valueOf(sns.get("Type"))));
    }

    private String sesEvent(UUID notificationId, String type, Map<String, Object> detail) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", type);
        event.put("mail", body("timestamp", "2026-11-25T10:00:00.000Z", "source", "noreply@lomashwood.co.uk",
                "messageId", "0102018c" + UUID.randomUUID().toString().replace("-", ""),
                "commonHeaders", body("messageId", "<" + notificationId + "@lomashwood.co.uk>")));
        event.putAll(detail);
        return HttpCalls.JSON.writeValueAsString(event);
    }

    private Map<String, Object> notification(UUID id, String type, Map<String, Object> detail) {
        return WebhookCalls.snsNotification(UUID.randomUUID().toString(), ProviderStubs.SES_TOPIC_ARN,
                sesEvent(id, type, detail));
    }

    @Test
    void sesDeliveryMarksTheEmailDeliveredAndAReplayIsIgnored() {
        UUID id = sentEmail(unique("ses-delivered"));
        Map<String, Object> delivery = notification(id, "Delivery", Map.of("delivery",
                body("timestamp", "2026-11-25T10:00:02.000Z", "recipients", List.of("x"), "smtpResponse", "250 ok")));
        assertThat(ses(delivery).statusCode()).isEqualTo(200);
        assertThat(ses(delivery).statusCode()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(reports(id)).isEqualTo(1);
    }

    @Test
    void aPermanentBounceSuppressesTheAddressAndTellsCustomerService() {
        String email = unique("ses-bounce");
        UUID id = sentEmail(email);
        Map<String, Object> bounce = notification(id, "Bounce", Map.of("bounce", body("bounceType", "Permanent",
                "bounceSubType", "General", "timestamp", "2026-11-25T10:00:03.000Z",
                "bouncedRecipients", List.of(body("emailAddress", email, "diagnosticCode", "smtp; 550 5.1.1 user unknown")))));
        assertThat(ses(bounce).statusCode()).isEqualTo(200);

        assertThat(status(id)).isEqualTo("BOUNCED");
        JsonNode bounced = events("notification.email.bounced", id).getFirst().get("data");
        assertThat(bounced.get("email").asString()).isEqualTo(email);
        assertThat(bounced.get("bounceType").asString()).isEqualTo("Permanent");
        assertThat(jdbc.sql("SELECT reason FROM notification_suppressions WHERE channel = 'EMAIL' AND address_hash = ?")
                .param(Addresses.hash(email)).query(String.class).list()).containsExactly("HARD_BOUNCE");
        UUID again = UUID.fromString(api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "contact-acknowledgement-email", "channel", "EMAIL", "recipient", body("email", email),
                        "variables", Map.of("customerName", "Una", "messagePreview", "Hi"))).data().get("notificationId").asString());
        assertThat(jdbc.sql("SELECT status || '/' || status_reason FROM notifications WHERE id = ?").param(again)
                .query(String.class).single()).isEqualTo("SUPPRESSED/ADDRESS_SUPPRESSED");
    }

    @Test
    void aComplaintUnsubscribesMarketingAndATransientBounceOnlyReports() {
        String email = unique("ses-complaint");
        UUID id = sentEmail(email);
        ses(notification(id, "Bounce", Map.of("bounce", body("bounceType", "Transient", "bounceSubType", "MailboxFull",
                "bouncedRecipients", List.of(body("emailAddress", email))))));
        assertThat(status(id)).isEqualTo("SENT");
        Map<String, Object> complaint = notification(id, "Complaint", Map.of("complaint",
                body("complaintFeedbackType", "abuse", "complainedRecipients", List.of(body("emailAddress", email)))));
        assertThat(ses(complaint).statusCode()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT reason || ':' || topic FROM notification_suppressions WHERE address_hash = ? ORDER BY topic")
                .param(Addresses.hash(email)).query(String.class).list())
                .containsExactly("COMPLAINT:NEWSLETTER", "COMPLAINT:PROMOTIONS");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE topic = 'notification.unsubscribed' AND payload::text LIKE ?")
                .param("%" + email + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM delivery_reports WHERE notification_id = ? ORDER BY created_at")
                .param(id).query(String.class).list()).containsExactly("BOUNCED", "COMPLAINED");
    }

    @Test
    void aTamperedOrForeignSnsMessageIsRefusedAndASubscriptionIsConfirmed() {
        UUID id = sentEmail(unique("ses-forged"));
        Map<String, Object> delivery = notification(id, "Delivery", Map.of("delivery", body("recipients", List.of("x"))));
        Map<String, Object> tampered = new LinkedHashMap<>(delivery);
        tampered.put("Message", String.valueOf(delivery.get("Message")).replace("Delivery", "Bounce"));
        assertThat(ses(tampered).statusCode()).isEqualTo(400);
        Map<String, Object> foreign = WebhookCalls.snsNotification(UUID.randomUUID().toString(),
                "arn:aws:sns:eu-west-2:999999999999:someone-else", String.valueOf(delivery.get("Message")));
        HttpResponse<String> refused = ses(foreign);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("INVALID_WEBHOOK_SIGNATURE");
        Map<String, Object> elsewhere = new LinkedHashMap<>(delivery);
        elsewhere.put("SigningCertURL", "https://attacker.example/cert.pem");
        assertThat(ses(elsewhere).statusCode()).isEqualTo(400);
        assertThat(status(id)).isEqualTo("SENT");

        String subscribeUrl = ProviderStubs.baseUrl() + "/sns/confirm?Action=ConfirmSubscription&Token=2336412f37f";
        ProviderStubs.server().stubFor(get(urlPathEqualTo("/sns/confirm")).willReturn(ok()));
        assertThat(ses(WebhookCalls.snsSubscription(ProviderStubs.SES_TOPIC_ARN, subscribeUrl)).statusCode()).isEqualTo(200);
        assertThat(ProviderStubs.server().findAll(getRequestedFor(urlPathEqualTo("/sns/confirm")))).isNotEmpty();
    }
}
