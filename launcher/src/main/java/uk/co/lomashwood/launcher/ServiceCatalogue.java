package uk.co.lomashwood.launcher;

import uk.co.lomashwood.appointment.AppointmentServiceApplication;
import uk.co.lomashwood.auth.AuthServiceApplication;
import uk.co.lomashwood.gateway.ApiGatewayApplication;
import uk.co.lomashwood.notification.NotificationServiceApplication;
import uk.co.lomashwood.order.OrderPaymentServiceApplication;
import uk.co.lomashwood.product.ProductServiceApplication;

import java.util.List;

/**
 * The services this build contains, in start order (the gateway last). A new service module is
 * added here and as a dependency of the launcher.
 */
public final class ServiceCatalogue {

    public static final ServiceDefinition AUTH =
            new ServiceDefinition("auth-service", "AUTH", 3001, "lomash_auth", 0, AuthServiceApplication.class);
    public static final ServiceDefinition APPOINTMENT = new ServiceDefinition("appointment-service", "APPOINTMENT", 3004,
            "lomash_appointments", 3, AppointmentServiceApplication.class);
    public static final ServiceDefinition PRODUCT = new ServiceDefinition("product-service", "PRODUCT", 3002,
            "lomash_products", 1, ProductServiceApplication.class);
    public static final ServiceDefinition NOTIFICATION = new ServiceDefinition("notification-service", "NOTIFICATION",
            3007, "lomash_notifications", 6, NotificationServiceApplication.class);
    public static final ServiceDefinition ORDER_PAYMENT = new ServiceDefinition("order-payment-service",
            "ORDER_PAYMENT", 3003, "lomash_orders", 2, OrderPaymentServiceApplication.class);
    public static final ServiceDefinition GATEWAY =
            new ServiceDefinition("api-gateway", "GATEWAY", 3000, null, 8, ApiGatewayApplication.class);

    /** Every database of spec 00 §0, created up front so that services added later find theirs. */
    public static final List<String> ALL_DATABASES = List.of("lomash_auth", "lomash_products", "lomash_orders",
            "lomash_appointments", "lomash_content", "lomash_customers", "lomash_notifications", "lomash_analytics");

    /** Upstreams the gateway routes to, with their default ports, whether or not this build has them yet. */
    public static final List<ServiceDefinition> UPSTREAMS = List.of(
            AUTH,
            PRODUCT,
            ORDER_PAYMENT,
            APPOINTMENT,
            new ServiceDefinition("content-service", "CONTENT", 3005, "lomash_content", 4, null),
            new ServiceDefinition("customer-service", "CUSTOMER", 3006, "lomash_customers", 5, null),
            NOTIFICATION,
            new ServiceDefinition("analytics-service", "ANALYTICS", 3008, "lomash_analytics", 7, null));

    private ServiceCatalogue() {
    }

    /** The services with code in this build, backends first. */
    public static List<ServiceDefinition> runnable() {
        return List.of(AUTH, PRODUCT, ORDER_PAYMENT, APPOINTMENT, NOTIFICATION, GATEWAY);
    }
}
