package uk.co.lomashwood.infra.events;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Topics and their consuming services, transcribed from spec 00 §4.7. Topics without consumers are
 * listed too: they are published to the domain topic and simply match no subscription.
 */
public final class EventCatalogue {

    private static final String CUSTOMER = "customer-service";
    private static final String NOTIFICATION = "notification-service";
    private static final String ANALYTICS = "analytics-service";
    private static final String CONTENT = "content-service";
    private static final String PRODUCT = "product-service";
    private static final String ORDER = "order-payment-service";
    private static final String APPOINTMENT = "appointment-service";
    private static final String AUTH = "auth-service";

    /** topic → consuming services, in catalogue order. */
    public static final Map<String, Set<String>> TOPICS = build(
            // Auth
            t("auth.user.created", CUSTOMER, NOTIFICATION, ANALYTICS),
            t("auth.user.updated", CUSTOMER, NOTIFICATION),
            t("auth.email.verified", CUSTOMER, APPOINTMENT),
            t("auth.user.status_changed", CUSTOMER),
            t("auth.user.account_locked", NOTIFICATION),
            t("auth.user.inactivity_warning", NOTIFICATION),
            t("auth.user.logged_in", ANALYTICS),
            t("auth.user.logged_out"),
            t("auth.password.reset_requested"),
            t("auth.password.changed", NOTIFICATION),
            t("auth.mfa.changed", NOTIFICATION),
            t("auth.security.alert", NOTIFICATION),
            t("auth.role.changed", NOTIFICATION),
            t("auth.custom_role.changed"),
            t("auth.session.revoked"),
            t("auth.user.deleted", CUSTOMER),
            // Product
            t("product.created", CONTENT),
            t("product.updated", CONTENT),
            t("product.published", CONTENT),
            t("product.unpublished", CONTENT),
            t("product.deleted", CONTENT),
            t("product.price.changed", NOTIFICATION),
            t("product.inventory.updated"),
            t("product.inventory.low", NOTIFICATION),
            t("product.inventory.reservation_failed", ORDER),
            t("product.sale.created"),
            t("product.sale.expired"),
            // Order and payment (FIFO)
            t("order.created", ANALYTICS),
            t("order.confirmed", PRODUCT, NOTIFICATION, CUSTOMER),
            t("order.cancelled", PRODUCT, NOTIFICATION, CUSTOMER, ANALYTICS),
            t("order.expired", PRODUCT, NOTIFICATION, CUSTOMER),
            t("order.shipped", NOTIFICATION),
            t("order.delivered", NOTIFICATION),
            t("order.completed", CUSTOMER),
            t("order.payment.succeeded", NOTIFICATION, ANALYTICS),
            t("order.payment.failed", NOTIFICATION),
            t("order.payment.refund_issued", NOTIFICATION, CUSTOMER, ANALYTICS),
            t("order.payment.refund_failed", NOTIFICATION),
            t("order.payment.dispute_opened", NOTIFICATION),
            t("order.invoice.generated", ORDER),
            t("order.invoice.sent", NOTIFICATION),
            // Appointment (FIFO)
            t("appointment.booking.created", NOTIFICATION, ANALYTICS, CUSTOMER),
            t("appointment.booking.confirmed", NOTIFICATION),
            t("appointment.booking.rescheduled", NOTIFICATION),
            t("appointment.booking.cancelled", NOTIFICATION, ANALYTICS, CUSTOMER),
            t("appointment.booking.completed", NOTIFICATION, ANALYTICS),
            t("appointment.booking.no_show"),
            t("appointment.reminder.due", NOTIFICATION),
            t("appointment.consultant.updated", NOTIFICATION),
            t("appointment.availability.changed"),
            t("appointment.showroom.updated", CONTENT),
            // Content
            t("content.blog.published", ANALYTICS),
            t("content.blog.updated"),
            t("content.blog.unpublished"),
            t("content.page.published"),
            t("content.page.updated"),
            t("content.page.unpublished"),
            t("content.media.uploaded"),
            t("content.media.deleted"),
            t("content.seo.updated"),
            t("content.sitemap.regenerated"),
            t("content.brochure.requested", NOTIFICATION, ANALYTICS),
            t("content.business_inquiry.submitted", NOTIFICATION, ANALYTICS),
            t("content.contact.submitted", NOTIFICATION, ANALYTICS),
            t("content.newsletter.confirmation_requested", NOTIFICATION),
            t("content.newsletter.subscribed", NOTIFICATION, ANALYTICS),
            t("content.newsletter.unsubscribed", NOTIFICATION),
            // Customer
            t("customer.profile.updated", AUTH, NOTIFICATION),
            t("customer.consent.updated", NOTIFICATION, ANALYTICS, CONTENT),
            t("customer.processing_restricted", NOTIFICATION, ANALYTICS),
            t("customer.wishlist.updated", ANALYTICS),
            t("customer.review.created", NOTIFICATION, ANALYTICS),
            t("customer.review.moderated", NOTIFICATION),
            t("customer.support.ticket_created", NOTIFICATION),
            t("customer.support.ticket_updated", NOTIFICATION),
            t("customer.support.message_added", NOTIFICATION),
            t("customer.loyalty.points_changed", NOTIFICATION),
            t("customer.loyalty.points_expiring", NOTIFICATION),
            t("customer.loyalty.tier_upgraded", NOTIFICATION),
            t("customer.user.erased", AUTH, ORDER, APPOINTMENT, CONTENT, NOTIFICATION, ANALYTICS),
            // Notification
            t("notification.email.sent", CONTENT),
            t("notification.sms.sent"),
            t("notification.push.sent"),
            t("notification.failed"),
            t("notification.email.bounced", CUSTOMER),
            t("notification.unsubscribed", CONTENT),
            t("notification.reminder.sent", APPOINTMENT),
            // Analytics
            t("analytics.event.tracked"),
            t("analytics.funnel.completed"),
            t("analytics.report.generated", NOTIFICATION),
            t("analytics.dashboard.refreshed", ANALYTICS),
            t("analytics.alert.triggered", NOTIFICATION));

    private EventCatalogue() {
    }

    /** Services that consume at least one topic, sorted by name. */
    public static SortedSet<String> consumers() {
        SortedSet<String> all = new TreeSet<>();
        TOPICS.values().forEach(all::addAll);
        return all;
    }

    /** Topics of {@code domain} that {@code consumer} subscribes to, sorted: the subscription's filter policy. */
    public static List<String> topicsConsumed(String consumer, EventDomain domain) {
        return TOPICS.entrySet().stream()
                .filter(e -> EventDomain.ofTopic(e.getKey()) == domain && e.getValue().contains(consumer))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Whether {@code consumer} reads any FIFO domain and so needs a FIFO queue. */
    public static boolean consumesFifo(String consumer) {
        return Arrays.stream(EventDomain.values())
                .anyMatch(d -> d.fifo() && !topicsConsumed(consumer, d).isEmpty());
    }

    private static Map.Entry<String, Set<String>> t(String topic, String... consumers) {
        return Map.entry(topic, Set.of(consumers));
    }

    @SafeVarargs
    private static Map<String, Set<String>> build(Map.Entry<String, Set<String>>... entries) {
        Map<String, Set<String>> map = new LinkedHashMap<>();
        for (var e : entries) {
            if (map.put(e.getKey(), e.getValue()) != null) {
                throw new IllegalStateException("duplicate topic " + e.getKey());
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
