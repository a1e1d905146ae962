package uk.co.lomashwood.notification.history;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer's own history and the subject-access export. */
class HistoryAndExportIT extends NotificationIntegrationTest {

    @Test
    void aCustomerSeesOnlyTheirOwnMessagesWithoutBodiesAndTheExportHasThem() {
        UUID userId = UUID.randomUUID();
        String email = unique("history");
        Reply sent = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "account-password-reset-email", "channel", "EMAIL",
                        "recipient", body("userId", userId, "email", email),
                        "variables", Map.of("customerName", "Kit", "resetUrl", "https://www.lomashwood.test/r?token=x")));
        UUID id = UUID.fromString(sent.data().get("notificationId").asString());
        awaitStatus(id, "SENT");

        Reply mine = api().as(userId, "CUSTOMER").get("/v1/notifications/me?channel=email");
        assertThat(mine.data()).singleElement().satisfies(item -> {
            assertThat(item.get("template").asString()).isEqualTo("account-password-reset-email");
            assertThat(item.get("status").asString()).isEqualTo("SENT");
            assertThat(item.has("body")).isFalse();
        });
        assertThat(api().as(UUID.randomUUID(), "CUSTOMER").get("/v1/notifications/me").data()).isEmpty();

        JsonNode export = api().get("/internal/notifications/users/" + userId + "/export").data();
        assertThat(export.get("notifications")).singleElement()
                .satisfies(n -> {
                    assertThat(n.get("email").asString()).isEqualTo(email);
                    assertThat(n.get("body").isNull()).as("a reset link is not kept once delivered").isTrue();
                });
    }
}
