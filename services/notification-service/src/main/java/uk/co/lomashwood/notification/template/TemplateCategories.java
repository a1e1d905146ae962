package uk.co.lomashwood.notification.template;

import uk.co.lomashwood.notification.message.PreferenceTopic;

import java.util.Set;

/** TemplateCategory of spec 40 §1.2 and its preference topic (§1.4.6); null = mandatory. */
public final class TemplateCategories {

    public static final Set<String> ALL = Set.of("ACCOUNT_WELCOME", "ACCOUNT_EMAIL_VERIFICATION",
            "ACCOUNT_PASSWORD_RESET", "ACCOUNT_PASSWORD_CHANGED", "ACCOUNT_SECURITY", "ACCOUNT_DEACTIVATED",
            "STAFF_INVITE", "DATA_REQUEST_UPDATE", "APPOINTMENT_CONFIRMATION", "APPOINTMENT_REMINDER",
            "APPOINTMENT_CANCELLATION", "APPOINTMENT_RESCHEDULED", "APPOINTMENT_COMPLETED", "APPOINTMENT_INTERNAL_ALERT",
            "ORDER_CONFIRMATION", "ORDER_UPDATED", "ORDER_CANCELLED", "INVOICE_AVAILABLE", "PAYMENT_RECEIPT",
            "PAYMENT_FAILED", "REFUND_ISSUED", "BROCHURE_DELIVERY", "BROCHURE_INTERNAL_ALERT",
            "BUSINESS_ENQUIRY_CONFIRMATION", "BUSINESS_ENQUIRY_INTERNAL_ALERT", "CONTACT_ACKNOWLEDGEMENT",
            "CONTACT_INTERNAL_ALERT", "NEWSLETTER_CONFIRMATION", "NEWSLETTER_WELCOME",
            "NEWSLETTER_UNSUBSCRIBE_CONFIRMATION", "NEWSLETTER_CAMPAIGN", "SUPPORT_TICKET_UPDATE",
            "SUPPORT_INTERNAL_ALERT", "REVIEW_REQUEST", "REVIEW_PUBLISHED", "LOYALTY_POINTS_EARNED",
            "LOYALTY_POINTS_EXPIRING", "LOYALTY_TIER_UPGRADED", "SYSTEM_ALERT", "CUSTOM");

    private TemplateCategories() {
    }

    public static PreferenceTopic topic(String category) {
        return switch (category) {
            case "APPOINTMENT_CONFIRMATION", "APPOINTMENT_RESCHEDULED", "APPOINTMENT_CANCELLATION",
                 "APPOINTMENT_COMPLETED" -> PreferenceTopic.BOOKING_CONFIRMATIONS;
            case "APPOINTMENT_REMINDER" -> PreferenceTopic.BOOKING_REMINDERS;
            case "ORDER_CONFIRMATION", "ORDER_UPDATED" -> PreferenceTopic.ORDER_UPDATES;
            case "NEWSLETTER_CAMPAIGN" -> PreferenceTopic.NEWSLETTER;
            case "CUSTOM" -> PreferenceTopic.PROMOTIONS;
            case "LOYALTY_POINTS_EARNED", "LOYALTY_POINTS_EXPIRING", "LOYALTY_TIER_UPGRADED", "REVIEW_REQUEST",
                 "REVIEW_PUBLISHED" -> PreferenceTopic.LOYALTY;
            default -> null;
        };
    }
}
