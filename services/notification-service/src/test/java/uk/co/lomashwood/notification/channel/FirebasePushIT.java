package uk.co.lomashwood.notification.channel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.notification.support.ProviderStubs;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.test.http.ServiceCaller;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The Firebase adapter against stubs of Google's OAuth token endpoint and FCM HTTP v1 {@code messages:send}. */
class FirebasePushIT extends NotificationIntegrationTest {

    @BeforeEach
    void googleIssuesTokens() {
        ProviderStubs.stubGoogleToken();
    }

    private String register(UUID userId) {
        String token = "fcm-token-" + UUID.randomUUID();
        Reply reply = api().as(userId, "CUSTOMER").post("/v1/notifications/me/devices",
                body("token", token, "provider", "FIREBASE", "platform", "ANDROID", "appVersion", "1.4.0"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return token;
    }

    private UUID push(UUID userId) {
        Reply reply = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "order-confirmation-push", "channel", "PUSH", "recipient", body("userId", userId),
                        "variables", Map.of("orderRef", "LW-O-1001", "totalAmount", "£4,250.00")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        return UUID.fromString(reply.data().get("notificationId").asString());
    }

    private void fcm(String token, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.FCM_PATH))
                .withRequestBody(containing(token)).willReturn(answer));
    }

    @Test
    void aPushIsSentToEachActiveDeviceWithAnOAuthBearerToken() {
        UUID userId = UUID.randomUUID();
        String token = register(userId);
        fcm(token, okJson("{\"name\":\"projects/lomash-test/messages/0:1500415314455276%31bd1c9631bd1c96\"}"));

        UUID id = push(userId);

        awaitStatus(id, "SENT");
        assertThat(ProviderStubs.server().findAll(postRequestedFor(urlEqualTo(ProviderStubs.FCM_PATH))
                .withHeader("Authorization", equalTo("Bearer ya29.test-access-token"))
                .withRequestBody(containing(token))))
                .singleElement().satisfies(request -> assertThat(request.getBodyAsString())
                        .contains("\"title\":\"Order confirmed\"", "Order LW-O-1001 (£4,250.00) is confirmed.",
                                "\"notificationId\":\"" + id + "\""));
        assertThat(jdbc.sql("SELECT provider_message_id FROM notifications WHERE id = ?").param(id)
                .query(String.class).single()).startsWith("projects/lomash-test/messages/");
    }

    @Test
    void anUnregisteredTokenFailsPermanentlyAndIsDeactivated() {
        UUID userId = UUID.randomUUID();
        String token = register(userId);
        fcm(token, ProviderStubs.json(404, ProviderStubs.fcmError(404, "NOT_FOUND", "UNREGISTERED")));

        UUID id = push(userId);

        awaitStatus(id, "FAILED");
        assertThat(attemptOutcomes(id)).containsExactly("PERMANENT_ERROR");
        assertThat(jdbc.sql("SELECT is_active FROM push_device_tokens WHERE token = ?").param(token)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void quotaErrorsAreRetriedThenDeadLettered() {
        UUID userId = UUID.randomUUID();
        String token = register(userId);
        fcm(token, ProviderStubs.json(429, ProviderStubs.fcmError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED")));

        UUID id = push(userId);

        awaitStatus(id, "DEAD_LETTERED");
        assertThat(attemptOutcomes(id)).containsExactly("RETRYABLE_ERROR", "RETRYABLE_ERROR", "RETRYABLE_ERROR");
    }

    @Test
    void reRegisteringATokenRebindsIt() {
        UUID first = UUID.randomUUID();
        String token = register(first);
        ServiceCaller other = api().as(UUID.randomUUID(), "CUSTOMER");
        Reply again = other.post("/v1/notifications/me/devices", body("token", token, "provider", "FIREBASE",
                "platform", "IOS"));
        assertThat(again.status()).isEqualTo(200);
        String id = again.data().get("id").asString();
        assertThat(api().as(first, "CUSTOMER").delete("/v1/notifications/me/devices/" + id).code())
                .isEqualTo("DEVICE_NOT_FOUND");
        assertThat(other.delete("/v1/notifications/me/devices/" + id).status()).isEqualTo(204);
    }
}
