package uk.co.lomashwood.notification.campaign;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.platform.events.transport.EventTransport;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.test.http.ServiceCaller;
import uk.co.lomashwood.platform.test.mail.Mailbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A campaign of an admin-written CUSTOM template to a custom list: opt-in gating, lifecycle, stats, completion. */
@TestPropertySource(properties = "lomash.notification.campaigns.enabled=true")
class CampaignsIT extends NotificationIntegrationTest {

    private static final String BASE = "/v1/admin/notifications/campaigns";

    @Autowired
    private EventTransport bus;
    @Autowired
    private Campaigns campaigns;

    private String publishedOffer(ServiceCaller admin) {
        String slug = "winter-sale-" + UUID.randomUUID().toString().substring(0, 8) + "-email";
        Reply created = admin.post("/v1/admin/notifications/templates", body("name", "Winter sale " + slug, "slug", slug,
                "channel", "EMAIL", "category", "CUSTOM", "subject", "{{customerName}}, our winter sale",
                "htmlBody", "<p>Hello {{customerName}}, {{offer}}</p>"));
        String id = created.data().get("template").get("id").asString();
        admin.post("/v1/admin/notifications/templates/" + id + "/publish", body());
        return id;
    }

    @Test
    void aLaunchedCampaignReachesOnlyOptedInCustomersAndCompletes() {
        ServiceCaller admin = admin();
        String template = publishedOffer(admin);
        String keenEmail = unique("keen");
        UUID keen = signedUp(bus, keenEmail, "Kit", null, "CUSTOMER");
        UUID wary = signedUp(bus, unique("wary"), "Wes", null, "CUSTOMER");
        assertThat(api().as(keen, "CUSTOMER").patch("/v1/notifications/me/preferences",
                body("email", body("promotions", true))).status()).isEqualTo(200);

        Reply created = admin.post(BASE, body("name", "Winter sale", "channel", "EMAIL", "templateId", template,
                "audienceType", "CUSTOM_LIST", "audienceList", List.of(keen, wary),
                "variables", Map.of("offer", "20% off all bedrooms")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        assertThat(created.data().get("status").asString()).isEqualTo("DRAFT");

        Reply launched = admin.post(BASE + "/" + id + "/launch", body());
        assertThat(launched.status()).as(launched.toString()).isEqualTo(202);
        assertThat(launched.data().get("status").asString()).isEqualTo("RUNNING");
        assertThat(launched.data().get("totalRecipients").asInt()).isEqualTo(2);
        Mailbox.Mail mail = Mailbox.latestTo(keenEmail);
        assertThat(mail.subject()).isEqualTo("Kit, our winter sale");
        assertThat(mail.text()).contains("20% off all bedrooms", "/v1/notifications/unsubscribe?token=");
        assertThat(admin.patch(BASE + "/" + id, body("name", "Too late")).code()).isEqualTo("CAMPAIGN_NOT_EDITABLE");
        assertThat(admin.delete(BASE + "/" + id).code()).isEqualTo("INVALID_STATUS_TRANSITION");

        await(() -> admin.get(BASE + "/" + id + "/stats").data(), stats -> stats.get("sent").asLong() == 1);
        campaigns.tick();
        JsonNode done = admin.get(BASE + "/" + id).data();
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("stats").get("recipients").asLong()).isEqualTo(2);
        assertThat(done.get("stats").get("unsubscribed").asLong()).as("not opted in: suppressed").isEqualTo(1);
        assertThat(admin.post(BASE + "/" + id + "/launch", body()).code()).isEqualTo("INVALID_STATUS_TRANSITION");
    }

    @Test
    void pauseResumeCancelFollowTheLifecycleAndBadCampaignsAreRefused() {
        ServiceCaller admin = admin();
        String template = publishedOffer(admin);
        String id = admin.post(BASE, body("name", "Lifecycle", "channel", "EMAIL", "templateId", template,
                "audienceType", "CUSTOM_LIST", "audienceList", List.of(UUID.randomUUID()),
                "variables", Map.of("offer", "x"))).data().get("id").asString();
        Reply renamed = admin.patch(BASE + "/" + id, body("name", "Lifecycle 2"));
        assertThat(renamed.data().get("name").asString()).isEqualTo("Lifecycle 2");
        assertThat(admin.post(BASE + "/" + id + "/pause", body()).code()).isEqualTo("INVALID_STATUS_TRANSITION");
        admin.post(BASE + "/" + id + "/launch", body());
        assertThat(admin.post(BASE + "/" + id + "/pause", body()).data().get("status").asString()).isEqualTo("PAUSED");
        assertThat(admin.post(BASE + "/" + id + "/resume", body()).data().get("status").asString()).isEqualTo("RUNNING");
        assertThat(admin.post(BASE + "/" + id + "/cancel", body()).data().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(admin.post(BASE + "/" + id + "/cancel", body()).code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(admin.delete(BASE + "/" + id).status()).isEqualTo(204);
        assertThat(admin.get(BASE + "/" + id).code()).isEqualTo("CAMPAIGN_NOT_FOUND");

        String system = admin.get("/v1/admin/notifications/templates?search=order-confirmation-email").data().get(0)
                .get("id").asString();
        assertThat(admin.post(BASE, body("name", "Wrong", "channel", "EMAIL", "templateId", system,
                "audienceType", "ALL_USERS")).code()).isEqualTo("VALIDATION_ERROR");
        assertThat(admin.post(BASE, body("name", "Segment", "channel", "EMAIL", "templateId", template,
                "audienceType", "SEGMENT", "audienceFilter", Map.of("postcodePrefixes", List.of("SW")))).code())
                .isEqualTo("VALIDATION_ERROR");
        assertThat(admin.post(BASE, body("name", "Soon", "channel", "EMAIL", "templateId", template,
                "audienceType", "ALL_USERS", "scheduledAt", java.time.Instant.now().toString())).code())
                .isEqualTo("VALIDATION_ERROR");
        assertThat(admin.delete("/v1/admin/notifications/templates/" + template).code()).isEqualTo("TEMPLATE_IN_USE");
    }
}
