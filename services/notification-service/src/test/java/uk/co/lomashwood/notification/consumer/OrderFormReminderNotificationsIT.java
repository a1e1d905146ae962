package uk.co.lomashwood.notification.consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.support.Events;
import uk.co.lomashwood.platform.test.mail.Mailbox;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.transport.EventTransport;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Order, form and reminder events → the catalogue's emails, with UK formatting and the reminder outcome event. */
class OrderFormReminderNotificationsIT extends NotificationIntegrationTest {

    @Autowired
    private EventTransport bus;

    @Test
    void aRefundEmailResolvesTheCustomerFromTheContactDirectory() {
        String email = unique("refund");
        UUID userId = signedUp(bus, email, "Harriet", null, "CUSTOMER");

        bus.publish(Events.envelope("order.payment.refund_issued", "order-payment-service", body(
                "refundId", UUID.randomUUID().toString(), "orderId", UUID.randomUUID().toString(),
                "orderNumber", "LW-O-2042", "userId", userId.toString(), "amount", 1499.5, "currency", "GBP",
                "reason", "REQUESTED_BY_CUSTOMER")));

        Mailbox.Mail mail = Mailbox.latestTo(email);
        assertThat(mail.subject()).isEqualTo("Your refund for LW-O-2042 is on its way");
        assertThat(mail.text()).contains("Hello Harriet,", "£1,499.50", "3–5 business days");
        assertThat(Mailbox.to(email)).as("the welcome email waits a minute").hasSize(1);
    }

    @Test
    void shippingUpdatesAndTheInvoiceReachTheCustomer() {
        String email = unique("invoice");
        String orderId = UUID.randomUUID().toString();
        UUID userId = signedUp(bus, email, "Peter", null, "CUSTOMER");

        bus.publish(Events.envelope("order.shipped", "order-payment-service", body("orderId", orderId,
                "orderNumber", "LW-20260042", "userId", userId.toString(), "carrier", "DPD",
                "trackingUrl", "https://track.example/LW-20260042", "occurredAt", "2026-11-25T10:00:00.000Z")));
        Mailbox.Mail shipped = Mailbox.latestTo(email);
        assertThat(shipped.subject()).isEqualTo("Your Lomash Wood order is on its way");
        assertThat(shipped.text()).contains("Hello Peter,", "LW-20260042", "https://track.example/LW-20260042");

        bus.publish(Events.envelope("order.invoice.sent", "order-payment-service", body("invoiceId",
                UUID.randomUUID().toString(), "invoiceNumber", "INV-2026-0042", "orderId", orderId,
                "userId", userId.toString(), "email", email)));
        Mailbox.awaitCount(email, 2);
        Mailbox.Mail invoice = Mailbox.latestTo(email);
        assertThat(invoice.subject()).isEqualTo("Your Lomash Wood invoice INV-2026-0042");
        assertThat(invoice.text()).contains("Hello Peter,", "/account/orders/" + orderId + "/invoices")
                .doesNotContain("X-Amz-Signature");
    }

    @Test
    void aNewsletterSubscriberConfirmsIsWelcomedAndCanLeaveAndComeBack() {
        String email = unique("newsletter");
        String subscription = UUID.randomUUID().toString();
        bus.publish(Events.envelope("content.newsletter.confirmation_requested", "content-service", body(
                "subscriptionId", subscription, "email", email, "confirmUrl", "https://www.lomashwood.test/newsletter/confirm?token=c0nf1rm",
                "expiresAt", "2026-11-27T10:00:00.000Z")));
        assertThat(Mailbox.latestTo(email).text()).contains("https://www.lomashwood.test/newsletter/confirm?token=c0nf1rm");

        bus.publish(Events.envelope("content.newsletter.subscribed", "content-service", body(
                "subscriptionId", subscription, "email", email, "name", "Harriet", "source", "FOOTER",
                "confirmedAt", "2026-11-25T10:00:00.000Z")));
        Mailbox.awaitCount(email, 2);
        Mailbox.Mail welcome = Mailbox.latestTo(email);
        assertThat(welcome.subject()).isEqualTo("Welcome to the Lomash Wood newsletter");
        assertThat(welcome.text()).contains("Hello Harriet,", "/v1/notifications/unsubscribe?token=");

        bus.publish(Events.envelope("content.newsletter.unsubscribed", "content-service", body(
                "subscriptionId", subscription, "email", email, "source", "LINK", "unsubscribedAt", "2026-11-25T11:00:00.000Z")));
        Mailbox.awaitCount(email, 3);
        assertThat(Mailbox.latestTo(email).subject()).isEqualTo("You have unsubscribed from the Lomash Wood newsletter");
        assertThat(jdbc.sql("SELECT count(*) FROM notification_suppressions WHERE topic = 'NEWSLETTER' AND address_masked = ?")
                .param(uk.co.lomashwood.notification.gate.Addresses.mask(email)).query(Long.class).single()).isEqualTo(1);

        bus.publish(Events.envelope("content.newsletter.subscribed", "content-service", body(
                "subscriptionId", UUID.randomUUID().toString(), "email", email, "source", "FOOTER",
                "confirmedAt", "2026-11-25T12:00:00.000Z")));
        Mailbox.awaitCount(email, 4);
        assertThat(Mailbox.latestTo(email).text()).startsWith("Hello,");
    }

    @Test
    void anExpiredOrderTellsTheCustomerAndPaymentTroubleAlertsOperations() {
        String email = unique("expired");
        String orderId = UUID.randomUUID().toString();
        bus.publish(Events.envelope("order.expired", "order-payment-service", body("orderId", orderId,
                "orderNumber", "LW-20260077", "userId", null, "customerEmail", email, "totalAmount", 2499.0,
                "currency", "GBP", "itemCount", 2, "createdAt", "2026-11-25T09:00:00.000Z",
                "expiredAt", "2026-11-25T09:30:00.000Z", "customer", body("firstName", "Ada"))));
        Mailbox.Mail expired = Mailbox.latestTo(email);
        assertThat(expired.subject()).isEqualTo("Your Lomash Wood order LW-20260077 was not completed");
        assertThat(expired.text()).contains("£2,499.00", "/basket");

        String disputeRef = "LW-" + UUID.randomUUID().toString().substring(0, 8);
        bus.publish(Events.envelope("order.payment.dispute_opened", "order-payment-service", body("orderId", orderId,
                "orderNumber", disputeRef, "paymentId", UUID.randomUUID().toString(), "disputeId", "dp_1",
                "amount", 120.0, "currency", "GBP", "reason", "fraudulent", "evidenceDueBy", "2026-12-05T00:00:00.000Z")));
        List<Mailbox.Mail> ops = await(() -> Mailbox.to("ops@lomashwood.co.uk").stream()
                .filter(m -> m.subject().contains(disputeRef)).toList(), list -> !list.isEmpty());
        assertThat(ops.getFirst().subject()).isEqualTo("Dispute opened for order " + disputeRef);
        assertThat(ops.getFirst().text()).contains("£120.00", "fraudulent", "/admin/orders/" + orderId);
    }

    @Test
    void grantingAnAdminRoleAlertsTheSecurityInboxButACustomerRoleDoesNot() {
        UUID promoted = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        bus.publish(Events.envelope("auth.role.changed", "auth-service", body("userId", other.toString(),
                "previousRole", "CUSTOMER", "newRole", "CONSULTANT", "changedBy", UUID.randomUUID().toString(),
                "changedAt", "2026-11-25T10:00:00.000Z")));
        bus.publish(Events.envelope("auth.role.changed", "auth-service", body("userId", promoted.toString(),
                "previousRole", "CONSULTANT", "newRole", "ADMIN", "changedBy", UUID.randomUUID().toString(),
                "changedAt", "2026-11-25T10:00:00.000Z")));
        List<Mailbox.Mail> alerts = await(() -> Mailbox.to("security@lomashwood.co.uk").stream()
                .filter(m -> m.text().contains(promoted.toString())).toList(), list -> !list.isEmpty());
        assertThat(alerts.getFirst().subject()).isEqualTo("Security alert: ADMIN role granted");
        assertThat(Mailbox.to("security@lomashwood.co.uk")).noneMatch(m -> m.text().contains(other.toString()));
    }

    @Test
    void aContactMessageIsAcknowledgedAndForwardedToTheEnquiriesInbox() {
        String email = unique("contact");
        String subject = "Worktop question " + UUID.randomUUID().toString().substring(0, 6);
        bus.publish(Events.envelope("content.contact.submitted", "content-service", body(
                "messageId", UUID.randomUUID().toString(), "name", "Tom Brown", "email", email, "phone", null,
                "subject", subject, "message", "Do you fit quartz worktops in Surrey?",
                "submittedAt", "2026-03-03T09:15:00Z")));

        assertThat(Mailbox.latestTo(email).text()).contains("Hello Tom Brown,", "> Do you fit quartz worktops in Surrey?");
        List<Mailbox.Mail> internal = await(() -> Mailbox.to("hello@lomashwood.co.uk").stream()
                .filter(m -> m.subject().equals("Contact form: " + subject)).toList(), list -> !list.isEmpty());
        assertThat(internal.getFirst().text()).contains(email, "3 March 2026 at 09:15");
    }

    @Test
    void aDueReminderIsSentAndItsOutcomeReportedToAppointmentService() {
        String email = unique("reminder");
        String reminderId = UUID.randomUUID().toString();
        EventEnvelope event = Events.envelope("appointment.reminder.due", "appointment-service", body(
                "reminderId", reminderId, "bookingId", UUID.randomUUID().toString(), "referenceCode", "LW-R-77",
                "reminderType", "APPOINTMENT_24H", "channel", "EMAIL", "recipient", email, "customerName", "Ivy",
                "appointmentType", "SHOWROOM_VISIT", "scheduledAt", "2026-07-01T13:30:00Z",
                "localDateTime", "2026-07-01T14:30", "location", "Chelsea showroom",
                "manageUrl", "https://www.lomashwood.test/m"));
        bus.publish(event);

        Mailbox.Mail mail = Mailbox.latestTo(email);
        assertThat(mail.text()).contains("Hello Ivy,", "Showroom visit", "Wednesday 1 July 2026", "14:30", "LW-R-77");
        UUID id = jdbc.sql("SELECT id FROM notifications WHERE recipient_email = ?").param(email).query(UUID.class).single();
        awaitStatus(id, "SENT");
        JsonNode outcome = events("notification.reminder.sent", id).getFirst();
        assertThat(outcome.get("causationId").asString()).isEqualTo(event.eventId().toString());
        assertThat(outcome.get("data").get("reminderId").asString()).isEqualTo(reminderId);
        assertThat(outcome.get("data").get("outcome").asString()).isEqualTo("SENT");
        assertThat(outcome.get("data").get("recipient").asString()).startsWith("r***@");
    }

    @Test
    void aRepeatBrochureRequestSendsNothing() {
        String email = unique("brochure");
        Map<String, Object> data = body("requestId", UUID.randomUUID().toString(), "name", "Ann", "email", email,
                "phone", "+447700900555", "postcode", "GU1 1AA", "address", "1 High Street",
                "brochure", body("title", "Kitchens 2026", "pdfUrl", "https://cdn.lomashwood.test/k.pdf"),
                "isRepeat", true, "requestedAt", "2026-03-03T09:00:00Z");
        bus.publish(Events.envelope("content.brochure.requested", "content-service", data));
        data.put("isRepeat", false);
        bus.publish(Events.envelope("content.brochure.requested", "content-service", data));

        assertThat(Mailbox.latestTo(email).text()).contains("Kitchens 2026", "https://cdn.lomashwood.test/k.pdf");
        assertThat(Mailbox.to(email)).hasSize(1);
    }
}
