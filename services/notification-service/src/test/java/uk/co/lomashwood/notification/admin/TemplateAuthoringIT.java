package uk.co.lomashwood.notification.admin;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.test.http.ServiceCaller;
import uk.co.lomashwood.platform.test.mail.Mailbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates written through the admin API: validation, Handlebars rendering, lifecycle, versions (spec 40 §1.3). */
class TemplateAuthoringIT extends NotificationIntegrationTest {

    private static final String BASE = "/v1/admin/notifications/templates";

    private Map<String, Object> offer(String slug) {
        return body("name", "Spring offer " + slug, "slug", slug, "channel", "EMAIL", "category", "CUSTOM",
                "subject", "{{firstName}}, our spring offer", "htmlBody", "<p>Hello {{firstName}}, {{offer}}</p>",
                "variables", List.of(body("key", "firstName", "description", "Greeting name", "required", true)));
    }

    private static String slug() {
        return "spring-offer-" + UUID.randomUUID().toString().substring(0, 8) + "-email";
    }

    private Reply internalSend(String slug, String email) {
        return api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", slug, "channel", "EMAIL", "recipient", body("email", email),
                        "variables", Map.of("firstName", "Vera", "offer", "10% off worktops")));
    }

    @Test
    void anAdminWritesPreviewsTestSendsEditsAndPublishesATemplate() {
        ServiceCaller admin = admin();
        String slug = slug();
        Reply created = admin.post(BASE, offer(slug));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode template = created.data().get("template");
        String id = template.get("id").asString();
        assertThat(template.get("status").asString()).isEqualTo("DRAFT");
        assertThat(template.get("version").asInt()).isEqualTo(1);
        assertThat(template.get("isSystem").asBoolean()).isFalse();
        assertThat(created.data().get("textBody").asString()).isEqualTo("Hello {{firstName}}, {{offer}}");
        assertThat(admin.post(BASE, offer(slug)).code()).isEqualTo("SLUG_ALREADY_EXISTS");

        Reply preview = admin.post(BASE + "/" + id + "/preview", body("variables", Map.of("firstName", "<b>Vera</b>")));
        assertThat(preview.data().get("subject").asString()).isEqualTo("<b>Vera</b>, our spring offer");
        assertThat(preview.data().get("htmlBody").asString()).contains("Hello &lt;b&gt;Vera&lt;/b&gt;, {{offer}}");
        assertThat(preview.data().get("missingVariables").toString()).contains("offer");

        String staff = "templates-" + UUID.randomUUID().toString().substring(0, 8) + "@lomashwood.co.uk";
        assertThat(internalSend(slug, unique("draft")).code()).as("a draft never sends").isEqualTo("TEMPLATE_NOT_FOUND");
        Reply test = admin.post(BASE + "/" + id + "/test-send", body("variables",
                Map.of("firstName", "Vera", "offer", "10% off worktops"), "to", staff));
        assertThat(test.status()).as(test.toString()).isEqualTo(202);
        Mailbox.Mail mail = Mailbox.latestTo(staff);
        assertThat(mail.subject()).isEqualTo("Vera, our spring offer");
        assertThat(mail.text()).contains("Hello Vera, 10% off worktops");

        Reply edited = admin.patch(BASE + "/" + id, body("subject", "{{firstName}}, spring is here"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.data().get("template").get("version").asInt()).isEqualTo(2);
        assertThat(admin.patch(BASE + "/" + id, body("slug", "other")).status()).isEqualTo(400);
        assertThat(admin.get(BASE + "/" + id + "/versions").data()).extracting(v -> v.get("version").asInt())
                .containsExactly(2, 1);
        assertThat(admin.get(BASE + "/" + id + "/versions/1").data().get("subject").asString())
                .isEqualTo("{{firstName}}, our spring offer");
        assertThat(admin.get(BASE + "/" + id + "/versions/7").code()).isEqualTo("TEMPLATE_VERSION_NOT_FOUND");

        assertThat(admin.post(BASE + "/" + id + "/publish", body()).data().get("template").get("status").asString())
                .isEqualTo("ACTIVE");
        String customer = unique("offer");
        Reply sent = internalSend(slug, customer);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        Mailbox.Mail published = Mailbox.latestTo(customer);
        assertThat(published.subject()).isEqualTo("Vera, spring is here");
        assertThat(published.html()).contains("Hello Vera, 10% off worktops", "Unsubscribe");
    }

    @Test
    void invalidContentIsRefusedWithTheSpecCodes() {
        ServiceCaller admin = admin();
        Map<String, Object> smsOnEmail = offer(slug());
        smsOnEmail.put("smsBody", "hi");
        assertThat(admin.post(BASE, smsOnEmail).code()).isEqualTo("VALIDATION_ERROR");
        Map<String, Object> noHtml = offer(slug());
        noHtml.remove("htmlBody");
        assertThat(admin.post(BASE, noHtml).code()).isEqualTo("VALIDATION_ERROR");
        Map<String, Object> helper = offer(slug());
        helper.put("htmlBody", "<p>{{#if vip}}VIP{{/if}}</p>");
        assertThat(admin.post(BASE, helper).code()).isEqualTo("TEMPLATE_INVALID_SYNTAX");
        Map<String, Object> triple = offer(slug());
        triple.put("htmlBody", "<p>{{{raw}}}</p>");
        assertThat(admin.post(BASE, triple).code()).isEqualTo("TEMPLATE_INVALID_SYNTAX");
        Map<String, Object> longSms = body("name", "Long " + UUID.randomUUID(), "slug", slug().replace("email", "sms"),
                "channel", "SMS", "category", "CUSTOM", "smsBody", "x".repeat(1601));
        assertThat(admin.post(BASE, longSms).code()).isEqualTo("VALIDATION_ERROR");
        assertThat(api().as(UUID.randomUUID(), "CUSTOMER").post(BASE, offer(slug())).status()).isEqualTo(403);
    }

    @Test
    void archiveRestoreAndDeleteFollowTheLifecycleAndSystemTemplatesAreLocked() {
        ServiceCaller admin = admin();
        String id = admin.post(BASE, offer(slug())).data().get("template").get("id").asString();
        admin.post(BASE + "/" + id + "/publish", body());
        assertThat(admin.post(BASE + "/" + id + "/archive", body()).data().get("template").get("status").asString())
                .isEqualTo("ARCHIVED");
        assertThat(admin.post(BASE + "/" + id + "/archive", body()).code()).isEqualTo("TEMPLATE_ARCHIVED");
        assertThat(admin.patch(BASE + "/" + id, body("subject", "x")).code()).isEqualTo("TEMPLATE_ARCHIVED");
        assertThat(admin.post(BASE + "/" + id + "/publish", body()).code()).isEqualTo("TEMPLATE_ARCHIVED");
        assertThat(admin.post(BASE + "/" + id + "/restore", body()).data().get("template").get("status").asString())
                .isEqualTo("DRAFT");
        assertThat(admin.post(BASE + "/" + id + "/restore", body()).code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(admin.delete(BASE + "/" + id).code()).as("it was published once").isEqualTo("TEMPLATE_IN_USE");

        String draft = admin.post(BASE, offer(slug())).data().get("template").get("id").asString();
        assertThat(admin.delete(BASE + "/" + draft).status()).isEqualTo(204);
        assertThat(admin.get(BASE + "/" + draft).code()).isEqualTo("TEMPLATE_NOT_FOUND");

        String system = admin.get(BASE + "?search=order-confirmation-email").data().get(0).get("id").asString();
        assertThat(admin.patch(BASE + "/" + system, body("subject", "x")).code()).isEqualTo("TEMPLATE_IN_USE");
        assertThat(admin.post(BASE + "/" + system + "/archive", body()).code()).isEqualTo("TEMPLATE_IN_USE");
        assertThat(admin.delete(BASE + "/" + system).code()).isEqualTo("TEMPLATE_IN_USE");
    }
}
