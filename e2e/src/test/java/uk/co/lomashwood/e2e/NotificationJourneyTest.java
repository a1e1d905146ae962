package uk.co.lomashwood.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #3 as a new user sees it, through the gateway: register → the verification email, rendered by
 * notification-service, is in the local mailbox within 5 s → verify → login → the customer's own notification
 * preferences.
 */
@ExtendWith(RunningPlatform.class)
class NotificationJourneyTest {

    private static final String PASSWORD = "Oak-and-Walnut-2026!";
    private static final Pattern LINK_TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+)");

    private final Gateway gateway = RunningPlatform.gateway();

    @Test
    void theVerificationEmailComesFromNotificationServiceWithinFiveSeconds() throws Exception {
        String email = "e2e-notify-" + UUID.randomUUID() + "@example.co.uk";
        Gateway.Reply registered = gateway.post("/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "firstName", "Grace", "lastName", "Hopper"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        Instant registeredAt = Instant.now();

        JsonNode mail = RunningPlatform.mailbox().awaitMessageTo(email, Duration.ofSeconds(5));
        assertThat(Duration.between(registeredAt, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(mail.path("subject").asString()).isEqualTo("Confirm your Lomash Wood email address");
        String text = mail.path("text").asString();
        assertThat(text).as("rendered by notification-service's branded layout")
                .contains("Hello Grace,", "Kitchens and bedrooms made for you");
        Matcher token = LINK_TOKEN.matcher(text);
        assertThat(token.find()).isTrue();

        Gateway.Reply verified = gateway.post("/v1/auth/verify-email", Map.of("token", token.group(1)));
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        Gateway.Reply login = gateway.post("/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);

        String access = login.data().path("accessToken").asString();
        Gateway.Reply preferences = gateway.get("/v1/notifications/me/preferences", "Authorization", "Bearer " + access);
        assertThat(preferences.status()).as(preferences.raw()).isEqualTo(200);
        assertThat(preferences.data().path("email").path("bookingConfirmations").asBoolean()).isTrue();
        assertThat(gateway.get("/v1/admin/notifications", "Authorization", "Bearer " + access).status()).isEqualTo(403);
    }
}
