package uk.co.lomashwood.notification.consumer;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.directory.DeviceTokens;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.support.NotificationProperties;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * customer-service topics that send (spec 40 §1.4.2): review moderation alert and review-published email, support
 * acknowledgement, status, reply and support-inbox alerts, loyalty points push and expiry / tier emails. The events
 * carry only a {@code userId}; the address and greeting come from the contact directory.
 */
@Component
class CustomerEventHandler implements EventHandler {

    private final EventSends sends;
    private final DeviceTokens devices;

    CustomerEventHandler(EventSends sends, DeviceTokens devices) {
        this.sends = sends;
        this.devices = devices;
    }

    @Override
    public Set<String> topics() {
        return Set.of("customer.review.created", "customer.review.moderated", "customer.support.ticket_created",
                "customer.support.ticket_updated", "customer.support.message_added", "customer.loyalty.points_changed",
                "customer.loyalty.points_expiring", "customer.loyalty.tier_upgraded");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        Recipient customer = Recipient.customer(Fields.uuid(data, "userId"), null, null);
        switch (event.topic()) {
            case "customer.review.created", "customer.review.moderated" -> review(event, data, customer);
            case "customer.support.ticket_created", "customer.support.ticket_updated",
                 "customer.support.message_added" -> support(event, data, customer);
            case "customer.loyalty.points_changed", "customer.loyalty.points_expiring",
                 "customer.loyalty.tier_upgraded" -> loyalty(event, data, customer);
            default -> { }
        }
    }

    private void review(EventEnvelope event, JsonNode data, Recipient customer) {
        String reviewId = Fields.text(data, "reviewId");
        if ("customer.review.created".equals(event.topic())) {
            sends.send(event, "review-moderation-alert-email", Channel.EMAIL, Recipient.staff(inboxes().reviews()),
                    Priority.NORMAL, Vars.of("productId", Fields.text(data, "productId"),
                            "rating", Fields.text(data, "rating"), "adminUrl", sends.adminUrl("/reviews/" + reviewId)),
                    "REVIEW", reviewId);
        } else if ("APPROVED".equals(Fields.text(data, "status")) && customer.userId() != null) {
            sends.send(event, "review-published-email", Channel.EMAIL, customer, Priority.LOW,
                    Vars.of("reviewUrl", sends.siteUrl("/account/reviews")), "REVIEW", reviewId);
        }
    }

    private void support(EventEnvelope event, JsonNode data, Recipient customer) {
        String ticketId = Fields.text(data, "ticketId");
        Map<String, Object> variables = Vars.of("ticketRef", Fields.text(data, "ticketRef"),
                "ticketUrl", sends.siteUrl("/account/support/" + ticketId),
                "adminUrl", sends.adminUrl("/support/tickets/" + ticketId));
        switch (event.topic()) {
            case "customer.support.ticket_created" -> {
                variables.putAll(Vars.of("subject", Fields.text(data, "subject"),
                        "category", Formats.label(Fields.text(data, "category")),
                        "priority", Formats.label(Fields.text(data, "priority"))));
                ticketMail(event, "support-ticket-received-email", customer, variables, ticketId);
                supportInbox(event, "New support ticket", variables, ticketId);
            }
            case "customer.support.ticket_updated" -> {
                String status = Fields.text(data, "status");
                if ("RESOLVED".equals(status) || "CLOSED".equals(status)) {
                    variables.put("status", status.toLowerCase(Locale.UK));
                    ticketMail(event, "support-ticket-status-email", customer, variables, ticketId);
                }
            }
            case "customer.support.message_added" -> {
                String sender = Fields.text(data, "senderType");
                if ("AGENT".equals(sender)) {
                    ticketMail(event, "support-reply-email", customer, variables, ticketId);
                } else if ("CUSTOMER".equals(sender)) {
                    supportInbox(event, "Customer reply", variables, ticketId);
                }
            }
            default -> { }
        }
    }

    private void ticketMail(EventEnvelope event, String slug, Recipient customer, Map<String, Object> variables,
                            String ticketId) {
        if (customer.userId() != null) {
            sends.send(event, slug, Channel.EMAIL, customer, Priority.NORMAL, variables, "TICKET", ticketId);
        }
    }

    private void supportInbox(EventEnvelope event, String alert, Map<String, Object> variables, String ticketId) {
        Map<String, Object> internal = new java.util.HashMap<>(variables);
        internal.put("alert", alert);
        sends.send(event, "support-internal-alert-email", Channel.EMAIL, Recipient.staff(inboxes().support()),
                Priority.NORMAL, internal, "TICKET", ticketId);
    }

    private void loyalty(EventEnvelope event, JsonNode data, Recipient customer) {
        UUID userId = customer.userId();
        if (userId == null) {
            return;
        }
        String accountUrl = sends.siteUrl("/account/loyalty");
        switch (event.topic()) {
            case "customer.loyalty.points_changed" -> {
                if ("EARN".equals(Fields.text(data, "type")) && !devices.activeTokens(userId).isEmpty()) {
                    sends.send(event, "loyalty-points-earned-push", Channel.PUSH, customer, Priority.LOW,
                            Vars.of("points", points(data, "points"), "balance", points(data, "balance")),
                            "LOYALTY_TRANSACTION", Fields.text(data, "transactionId"));
                }
            }
            case "customer.loyalty.points_expiring" -> sends.send(event, "loyalty-points-expiring-email", Channel.EMAIL,
                    customer, Priority.LOW, Vars.of("points", points(data, "points"),
                            "expiresAt", Formats.day(Fields.text(data, "expiresAt")), "accountUrl", accountUrl),
                    "CUSTOMER", Fields.text(data, "customerId"));
            case "customer.loyalty.tier_upgraded" -> sends.send(event, "loyalty-tier-upgraded-email", Channel.EMAIL,
                    customer, Priority.LOW, Vars.of("newTier", Formats.label(Fields.text(data, "newTier")),
                            "accountUrl", accountUrl), "CUSTOMER", Fields.text(data, "customerId"));
            default -> { }
        }
    }

    private NotificationProperties.Inboxes inboxes() {
        return sends.properties().inboxes();
    }

    /** {@code 1250} → {@code 1,250}. */
    private static String points(JsonNode data, String field) {
        java.math.BigDecimal value = Fields.decimal(data, field);
        return value == null ? null : NumberFormat.getIntegerInstance(Locale.UK).format(value);
    }
}
