package uk.co.lomashwood.notification.consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.co.lomashwood.notification.support.Events;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.notification.support.ProviderStubs;
import uk.co.lomashwood.platform.events.transport.EventTransport;
import uk.co.lomashwood.platform.test.mail.Mailbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * customer-service events (payloads of spec 00 §4.7 "Customer"; the service does not exist yet) → review, support
 * and loyalty messages to the customer found in the contact directory and alerts to the support and reviews inboxes;
 * consents and restricted processing change what may be sent.
 */
class CustomerNotificationsIT extends NotificationIntegrationTest {

    private static final String SUPPORT = "support@lomashwood.co.uk";
    private static final String REVIEWS = "reviews@lomashwood.co.uk";

    @Autowired
    private EventTransport bus;

    private UUID knownCustomer(String email, String firstName) {
        return signedUp(bus, email, firstName, null, "CUSTOMER");
    }

    private void publish(String topic, Map<String, Object> data) {
        bus.publish(Events.envelope(topic, "customer-service", data));
    }

    private static Map<String, Object> ticket(UUID userId, String ticketId, String ref) {
        return body("ticketId", ticketId, "ticketRef", ref, "customerId", UUID.randomUUID().toString(),
                "userId", userId.toString());
    }

    private List<Mailbox.Mail> inbox(String inbox, String mention) {
        return await(() -> Mailbox.to(inbox).stream().filter(m -> m.text().contains(mention)).toList(),
                list -> !list.isEmpty());
    }

    @Test
    void aSupportTicketIsAcknowledgedRepliesAndResolutionReachTheCustomerAndCustomerRepliesReachSupport() {
        String email = unique("ticket");
        UUID userId = knownCustomer(email, "Nell");
        String ticketId = UUID.randomUUID().toString();
        String ref = "TKT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        Map<String, Object> created = ticket(userId, ticketId, ref);
        created.putAll(body("category", "DELIVERY", "priority", "HIGH", "subject", "Worktop arrived chipped",
                "createdAt", "2026-11-25T10:00:00Z"));
        publish("customer.support.ticket_created", created);
        Mailbox.Mail received = Mailbox.latestTo(email);
        assertThat(received.subject()).isEqualTo("We have received your request " + ref);
        assertThat(received.text()).contains("Hello Nell,", "Worktop arrived chipped", "/account/support/" + ticketId);
        Mailbox.Mail alert = inbox(SUPPORT, ref).getFirst();
        assertThat(alert.subject()).isEqualTo("New support ticket: " + ref);
        assertThat(alert.text()).contains("Delivery", "High", "/admin/support/tickets/" + ticketId);

        Map<String, Object> agent = ticket(userId, ticketId, ref);
        agent.putAll(body("senderType", "AGENT", "at", "2026-11-25T11:00:00Z"));
        publish("customer.support.message_added", agent);
        Mailbox.awaitCount(email, 2);
        assertThat(Mailbox.latestTo(email).subject()).isEqualTo("New reply to your request " + ref);

        Map<String, Object> customerReply = ticket(userId, ticketId, ref);
        customerReply.putAll(body("senderType", "CUSTOMER", "at", "2026-11-25T12:00:00Z"));
        publish("customer.support.message_added", customerReply);
        assertThat(await(() -> Mailbox.to(SUPPORT).stream().filter(m -> m.subject().equals("Customer reply: " + ref))
                .toList(), list -> !list.isEmpty())).hasSize(1);

        Map<String, Object> inProgress = ticket(userId, ticketId, ref);
        inProgress.putAll(body("previousStatus", "OPEN", "status", "IN_PROGRESS", "at", "2026-11-25T12:30:00Z"));
        publish("customer.support.ticket_updated", inProgress);
        Map<String, Object> resolved = ticket(userId, ticketId, ref);
        resolved.putAll(body("previousStatus", "IN_PROGRESS", "status", "RESOLVED", "at", "2026-11-25T13:00:00Z"));
        publish("customer.support.ticket_updated", resolved);
        Mailbox.awaitCount(email, 3);
        assertThat(Mailbox.latestTo(email).subject()).isEqualTo("Your request " + ref + " is resolved");
        assertThat(Mailbox.to(email)).as("no email for IN_PROGRESS").hasSize(3);
    }

    @Test
    void aNewReviewAlertsModeratorsAndOnlyAnApprovalTellsTheReviewer() {
        String email = unique("reviewer");
        UUID userId = knownCustomer(email, "Olive");
        String product = UUID.randomUUID().toString();
        publish("customer.review.created", body("reviewId", UUID.randomUUID().toString(),
                "customerId", UUID.randomUUID().toString(), "userId", userId.toString(), "productId", product,
                "rating", 4, "createdAt", "2026-11-25T10:00:00Z"));
        Mailbox.Mail alert = inbox(REVIEWS, product).getFirst();
        assertThat(alert.subject()).isEqualTo("New 4-star review awaiting moderation");

        Map<String, Object> moderated = body("reviewId", UUID.randomUUID().toString(), "userId", userId.toString(),
                "productId", product, "status", "REJECTED", "rating", 4, "averageRating", 4.5, "totalReviews", 12,
                "moderatedAt", "2026-11-25T11:00:00Z");
        publish("customer.review.moderated", moderated);
        moderated.put("status", "APPROVED");
        publish("customer.review.moderated", moderated);
        Mailbox.Mail published = Mailbox.latestTo(email);
        assertThat(published.subject()).isEqualTo("Your Lomash Wood review is live");
        assertThat(published.text()).contains("Hello Olive,", "/account/reviews");
        assertThat(published.html()).as("a LOYALTY-topic email can be unsubscribed").contains("Unsubscribe");
        assertThat(Mailbox.to(email)).hasSize(1);
    }

    @Test
    void loyaltyExpiryTierAndEarnedPointsReachTheCustomer() {
        String email = unique("loyal");
        UUID userId = knownCustomer(email, "Percy");
        String customerId = UUID.randomUUID().toString();
        publish("customer.loyalty.points_expiring", body("customerId", customerId, "userId", userId.toString(),
                "points", 1250, "expiresAt", "2026-12-25T00:00:00Z"));
        Mailbox.Mail expiring = Mailbox.latestTo(email);
        assertThat(expiring.subject()).isEqualTo("1,250 Lomash Wood points expire on Friday 25 December 2026");
        assertThat(expiring.text()).contains("Hello Percy,", "/account/loyalty");

        publish("customer.loyalty.tier_upgraded", body("customerId", customerId, "userId", userId.toString(),
                "previousTier", "SILVER", "newTier", "GOLD"));
        Mailbox.awaitCount(email, 2);
        assertThat(Mailbox.latestTo(email).subject()).isEqualTo("Welcome to Lomash Wood Gold");

        ProviderStubs.stubGoogleToken();
        String token = "fcm-token-" + UUID.randomUUID();
        assertThat(api().as(userId, "CUSTOMER").post("/v1/notifications/me/devices",
                body("token", token, "provider", "FIREBASE", "platform", "IOS")).status()).isEqualTo(201);
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.FCM_PATH)).withRequestBody(containing(token))
                .willReturn(okJson("{\"name\":\"projects/lomash-test/messages/1\"}")));
        for (String type : List.of("REDEEM", "EARN")) {
            publish("customer.loyalty.points_changed", body("customerId", customerId, "userId", userId.toString(),
                    "transactionId", UUID.randomUUID().toString(), "type", type, "points", 300, "balance", 1550,
                    "tier", "GOLD", "reason", "Order LW-O-1", "at", "2026-11-25T10:00:00Z"));
        }
        var pushes = await(() -> ProviderStubs.server().findAll(postRequestedFor(urlEqualTo(ProviderStubs.FCM_PATH))
                .withRequestBody(containing(token))), list -> !list.isEmpty());
        assertThat(pushes).singleElement().satisfies(push -> assertThat(push.getBodyAsString())
                .contains("You earned 300 points", "Your Lomash Wood balance is now 1,550 points."));
    }

    @Test
    void restrictedProcessingKeepsOnlyMandatoryMessagesAndConsentsSwitchMarketingTopics() {
        String email = unique("restricted");
        UUID userId = knownCustomer(email, "Queenie");
        publish("customer.processing_restricted", body("userId", userId.toString(), "restricted", true,
                "changedAt", "2026-11-25T10:00:00Z"));
        publish("customer.loyalty.tier_upgraded", body("customerId", UUID.randomUUID().toString(),
                "userId", userId.toString(), "previousTier", "BRONZE", "newTier", "SILVER"));
        Map<String, Object> created = ticket(userId, UUID.randomUUID().toString(), "TKT-R1");
        created.putAll(body("category", "GENERAL", "priority", "LOW", "subject", "Hello"));
        publish("customer.support.ticket_created", created);

        assertThat(Mailbox.latestTo(email).subject()).as("support messages are mandatory")
                .isEqualTo("We have received your request TKT-R1");
        assertThat(await(() -> jdbc.sql("SELECT status || '/' || status_reason FROM notifications WHERE recipient_id = ?"
                + " AND template_slug = 'loyalty-tier-upgraded-email'").param(userId).query(String.class).list(),
                list -> !list.isEmpty())).containsExactly("SUPPRESSED/PREFERENCE_OPT_OUT");

        publish("customer.consent.updated", body("customerId", UUID.randomUUID().toString(), "userId", userId.toString(),
                "consentType", "marketing_email", "granted", true, "source", "PREFERENCE_CENTRE",
                "changedAt", "2026-11-25T10:00:00Z"));
        assertThat(await(() -> jdbc.sql("SELECT enabled FROM notification_preferences WHERE user_id = ? AND channel = 'EMAIL'"
                + " AND topic = 'PROMOTIONS'").param(userId).query(Boolean.class).list(), list -> !list.isEmpty()))
                .containsExactly(true);
        publish("customer.consent.updated", body("customerId", UUID.randomUUID().toString(), "userId", userId.toString(),
                "consentType", "marketing_email", "granted", false, "source", "OBJECTION",
                "changedAt", "2026-11-25T11:00:00Z"));
        assertThat(await(() -> jdbc.sql("SELECT count(*) FROM notification_preferences WHERE user_id = ? AND NOT enabled")
                .param(userId).query(Long.class).single(), n -> n == 18)).as("6 optional topics × 3 channels off")
                .isEqualTo(18);
    }
}
