package uk.co.lomashwood.notification.consumer;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.directory.ContactDirectory;
import uk.co.lomashwood.notification.directory.DeviceTokens;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** order-payment topics: confirmation (email, SMS, push), receipt (email, SMS), payment failed, cancellation, refund, shipping updates and invoices. */
@Component
class OrderEventHandler implements EventHandler {

    private static final String ENTITY = "ORDER";

    private final EventSends sends;
    private final DeviceTokens devices;
    private final ContactDirectory directory;

    OrderEventHandler(EventSends sends, DeviceTokens devices, ContactDirectory directory) {
        this.sends = sends;
        this.devices = devices;
        this.directory = directory;
    }

    @Override
    public Set<String> topics() {
        return Set.of("order.confirmed", "order.payment.succeeded", "order.payment.failed", "order.cancelled",
                "order.payment.refund_issued", "order.shipped", "order.delivered", "order.invoice.sent", "order.expired",
                "order.payment.refund_failed", "order.payment.dispute_opened");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        String orderId = Fields.text(data, "orderId");
        UUID userId = Fields.uuid(data, "userId");
        Map<String, Object> variables = Vars.of("orderRef", Fields.text(data, "orderNumber"), "orderId", orderId,
                "orderUrl", sends.siteUrl("/account/orders/" + orderId), "customerName", Fields.text(data, "customer.firstName"));
        Recipient customer = Recipient.customer(userId, Fields.text(data, "customer.email"),
                Fields.text(data, "customer.phone"));
        switch (event.topic()) {
            case "order.confirmed" -> confirmed(event, data, customer, variables, orderId);
            case "order.payment.succeeded" -> {
                variables.putAll(Vars.of("paymentId", Fields.text(data, "paymentId"),
                        "amount", money(data, "amount"), "paymentMethod", method(data),
                        "paymentDate", Formats.dateTime(Formats.instant(Fields.text(data, "paidAt")))));
                email(event, "payment-receipt-email", customer, variables, orderId);
                // the event has no phone: only for a user with a known number; ORDER_UPDATES on SMS is opt-in
                if (userId != null && directory.primary(userId, Channel.SMS).isPresent()) {
                    sends.send(event, "payment-receipt-sms", Channel.SMS, customer, Priority.NORMAL, variables, ENTITY,
                            orderId);
                }
            }
            case "order.payment.failed" -> {
                variables.putAll(Vars.of("failureMessage", orDefault(Fields.text(data, "failureMessage"),
                        "the payment was declined"), "retryUrl", sends.siteUrl("/account/orders/" + orderId + "/pay")));
                email(event, "payment-failed-email", customer, variables, orderId);
            }
            case "order.cancelled" -> {
                variables.putAll(Vars.of("reason", Formats.label(Fields.text(data, "reason")),
                        "refundExpected", Fields.flag(data, "refundInitiated", false)));
                email(event, "order-cancelled-email", customer, variables, orderId);
            }
            case "order.payment.refund_issued" -> {
                variables.putAll(Vars.of("refundAmount", money(data, "amount"),
                        "currency", orDefault(Fields.text(data, "currency"), "GBP"),
                        "processingDays", "3–5 business days"));
                email(event, "refund-issued-email", customer, variables, orderId);
            }
            case "order.shipped", "order.delivered" -> {
                variables.putAll(Vars.of("orderStatus", "order.shipped".equals(event.topic()) ? "on its way" : "delivered",
                        "trackingUrl", Fields.text(data, "trackingUrl")));
                sends.send(event, "order-updated-email", Channel.EMAIL, customer, Priority.NORMAL, variables, ENTITY, orderId);
            }
            case "order.invoice.sent" -> {
                // the address in the event; the link is the account page, never a presigned file URL (spec 40)
                variables.putAll(Vars.of("invoiceNumber", Fields.text(data, "invoiceNumber"),
                        "orderRef", orDefault(Fields.text(data, "orderNumber"), Fields.text(data, "invoiceNumber")),
                        "invoiceUrl", sends.siteUrl("/account/orders/" + orderId + "/invoices")));
                sends.send(event, "order-invoice-email", Channel.EMAIL, Recipient.customer(userId, Fields.text(data, "email"), null),
                        Priority.NORMAL, variables, ENTITY, orderId);
            }
            case "order.expired" -> {
                variables.putAll(Vars.of("totalAmount", money(data, "totalAmount"), "basketUrl", sends.siteUrl("/basket")));
                sends.send(event, "order-abandoned-email", Channel.EMAIL,
                        Recipient.customer(userId, Fields.text(data, "customerEmail"), null), Priority.LOW, variables,
                        ENTITY, orderId);
            }
            case "order.payment.refund_failed", "order.payment.dispute_opened" -> sends.send(event,
                    "payment-ops-alert-email", Channel.EMAIL, Recipient.staff(sends.properties().inboxes().ops()),
                    Priority.HIGH, Vars.of("alertType", event.topic().endsWith("refund_failed") ? "Refund failed" : "Dispute opened",
                            "orderRef", Fields.text(data, "orderNumber"), "amount", money(data, "amount"),
                            "reason", orDefault(Fields.text(data, "failureReason"), Fields.text(data, "reason")),
                            "evidenceDueBy", Formats.dateTime(Formats.instant(Fields.text(data, "evidenceDueBy"))),
                            "adminUrl", sends.adminUrl("/orders/" + orderId)), ENTITY, orderId);
            default -> { }
        }
    }

    private void confirmed(EventEnvelope event, JsonNode data, Recipient customer, Map<String, Object> variables,
                           String orderId) {
        variables.putAll(Vars.of("totalAmount", money(data, "totalAmount"),
                "orderDate", Formats.dateTime(Formats.instant(Fields.text(data, "confirmedAt"))),
                "paymentStatus", Formats.label(Fields.text(data, "paymentStatus"))));
        email(event, "order-confirmation-email", customer, variables, orderId);
        if (customer.phone() != null) {
            sends.send(event, "order-confirmation-sms", Channel.SMS, customer, Priority.NORMAL, variables, ENTITY, orderId);
        }
        if (customer.userId() != null && !devices.activeTokens(customer.userId()).isEmpty()) {
            sends.send(event, "order-confirmation-push", Channel.PUSH, customer, Priority.NORMAL, variables, ENTITY, orderId);
        }
    }

    private void email(EventEnvelope event, String slug, Recipient customer, Map<String, Object> variables,
                       String orderId) {
        sends.send(event, slug, Channel.EMAIL, customer, Priority.HIGH, variables, ENTITY, orderId);
    }

    private static String money(JsonNode data, String field) {
        return Formats.money(Fields.decimal(data, field), Fields.text(data, "currency"));
    }

    private static String method(JsonNode data) {
        String brand = Fields.text(data, "cardBrand");
        String last4 = Fields.text(data, "cardLast4");
        if (brand != null && last4 != null) {
            return Formats.label(brand) + " ending " + last4;
        }
        return Formats.label(Fields.text(data, "method"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
