package uk.co.lomashwood.notification.history;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.co.lomashwood.notification.gate.Addresses;
import uk.co.lomashwood.notification.support.Events;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.platform.events.transport.EventTransport;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.test.mail.Mailbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code customer.user.erased} → spec 40 §1.4.11: history kept but redacted, the user's settings gone, suppressions kept as hashes. */
class CustomerErasureIT extends NotificationIntegrationTest {

    @Autowired
    private EventTransport bus;

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void erasureRedactsTheHistoryDropsSettingsAndKeepsSuppressionsAsHashes() {
        String email = unique("erase");
        UUID userId = UUID.randomUUID();
        String ref = "LW-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String bookingId = UUID.randomUUID().toString();
        // as a guest first: a booking acknowledgement (no user id) and the appointments-inbox alert quoting the email
        bus.publish(Events.envelope("appointment.booking.created", "appointment-service", body(
                "bookingId", bookingId, "referenceCode", ref, "userId", null,
                "appointmentType", "HOME_MEASUREMENT", "forKitchen", true, "forBedroom", false,
                "customerDetails", body("name", "Rosa Guest", "email", email, "phone", null, "postcode", "SW1A 1AA"),
                "scheduledAt", "2026-03-03T10:00:00Z", "timezone", "Europe/London", "sendNotifications", true)));
        Mailbox.latestTo(email);
        // then signed up: directory, a refund email, a device, a preference, a newsletter suppression
        bus.publish(Events.envelope("auth.user.created", "auth-service", body("userId", userId.toString(),
                "email", email, "firstName", "Rosa", "lastName", "Guest", "phone", "+447700900321", "role", "CUSTOMER")));
        bus.publish(Events.envelope("order.payment.refund_issued", "order-payment-service", body(
                "refundId", UUID.randomUUID().toString(), "orderId", UUID.randomUUID().toString(),
                "orderNumber", "LW-O-9", "userId", userId.toString(), "amount", 20.0, "currency", "GBP")));
        Mailbox.awaitCount(email, 2);
        bus.publish(Events.envelope("content.newsletter.unsubscribed", "content-service", body(
                "subscriptionId", UUID.randomUUID().toString(), "userId", userId.toString(), "email", email,
                "source", "NOTIFICATION", "unsubscribedAt", "2026-11-25T11:00:00Z")));
        Reply device = api().as(userId, "CUSTOMER").post("/v1/notifications/me/devices",
                body("token", "fcm-erase-" + UUID.randomUUID(), "provider", "FIREBASE", "platform", "WEB"));
        assertThat(device.status()).isEqualTo(201);
        assertThat(api().as(userId, "CUSTOMER").patch("/v1/notifications/me/preferences",
                body("sms", body("orderUpdates", true))).status()).isEqualTo(200);
        await(() -> count("SELECT count(*) FROM notification_suppressions WHERE user_id = ?", userId), n -> n == 1);
        // customer-service asks for the erasure confirmation before publishing the event
        Reply confirmation = api().with("Idempotency-Key", UUID.randomUUID().toString()).post("/internal/notifications",
                body("templateSlug", "gdpr-erasure-confirmation-email", "channel", "EMAIL",
                        "recipient", body("userId", userId, "email", email),
                        "variables", Map.of("customerName", "Rosa", "completedAt", "25 November 2026"),
                        "scheduledAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        UUID confirmationId = UUID.fromString(confirmation.data().get("notificationId").asString());

        bus.publish(Events.envelope("customer.user.erased", "customer-service", body("userId", userId.toString(),
                "customerId", UUID.randomUUID().toString(), "erasureRequestId", UUID.randomUUID().toString(),
                "reason", "SELF_SERVICE", "emailSha256", Addresses.hash(email), "erasedAt", "2026-11-25T12:00:00Z")));
        await(() -> count("SELECT count(*) FROM notification_subscriptions WHERE user_id = ?", userId), n -> n == 0);

        String placeholder = "deleted-" + userId + "@erased.invalid";
        assertThat(count("SELECT count(*) FROM notifications WHERE recipient_id = ? AND id <> ?", userId, confirmationId))
                .isZero();
        List<Map<String, Object>> redacted = jdbc.sql("""
                        SELECT template_slug, status, recipient_email, recipient_phone, body, html_body, metadata
                        FROM notifications WHERE recipient_email = ? ORDER BY created_at""")
                .param(placeholder).query().listOfRows();
        assertThat(redacted).extracting(row -> row.get("template_slug")).containsExactlyInAnyOrder(
                "appointment-confirmation-email", "account-welcome-email", "refund-issued-email");
        assertThat(redacted).allSatisfy(row -> {
            assertThat(row.get("recipient_phone")).isNull();
            assertThat(row.get("body")).isNull();
            assertThat(row.get("html_body")).isNull();
            assertThat(row.get("metadata")).isNull();
        });
        assertThat(redacted).filteredOn(row -> "account-welcome-email".equals(row.get("template_slug")))
                .singleElement().satisfies(row -> assertThat(row.get("status")).as("not yet sent: cancelled")
                        .isEqualTo("CANCELLED"));
        assertThat(redacted).filteredOn(row -> "refund-issued-email".equals(row.get("template_slug")))
                .singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("SENT"));
        assertThat(count("SELECT count(*) FROM notifications WHERE recipient_email = ? AND id <> ?", email, confirmationId))
                .isZero();

        Map<String, Object> staffAlert = jdbc.sql("""
                        SELECT recipient_email, subject, body, html_body, metadata FROM notifications
                        WHERE template_slug = 'appointment-internal-alert-email' AND source_entity_id = ?""")
                .param(bookingId).query().singleRow();
        assertThat(staffAlert.get("recipient_email")).as("the staff inbox stays").isEqualTo("appointments@lomashwood.co.uk");
        assertThat(staffAlert).containsEntry("subject", null).containsEntry("body", null).containsEntry("html_body", null)
                .containsEntry("metadata", null);

        assertThat(jdbc.sql("SELECT status || ' ' || recipient_email FROM notifications WHERE id = ?")
                .param(confirmationId).query(String.class).single()).as("the confirmation still goes out")
                .isEqualTo("SCHEDULED " + email);
        assertThat(count("SELECT count(*) FROM notification_preferences WHERE user_id = ?", userId)).isZero();
        assertThat(count("SELECT count(*) FROM push_device_tokens WHERE user_id = ?", userId)).isZero();
        assertThat(jdbc.sql("SELECT user_id IS NULL FROM notification_suppressions WHERE address_hash = ?")
                .param(Addresses.hash(email)).query(Boolean.class).list()).as("kept, hash only").containsExactly(true);
    }
}
