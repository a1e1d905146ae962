package uk.co.lomashwood.infra.config;

import static uk.co.lomashwood.infra.config.ScaleOutTrigger.cpu;

import java.util.List;
import java.util.Optional;

/** The nine services: ports and databases from spec 00 §0, autoscaling rows from the seed. */
public final class PlatformServices {

    public static final String API_GATEWAY = "api-gateway";

    public static final List<ServiceSpec> ALL = List.of(
            service(API_GATEWAY, 3000, null, 8, new AutoscalingRule(2, 20, cpu(60, 2))),
            service("auth-service", 3001, "lomash_auth", 0, new AutoscalingRule(2, 10, cpu(70, 2))),
            service("product-service", 3002, "lomash_products", 1,
                    new AutoscalingRule(2, 15, new ScaleOutTrigger.CpuOrP95Latency(cpu(65, 2), 1.0))),
            service("order-payment-service", 3003, "lomash_orders", 2, new AutoscalingRule(2, 10, cpu(70, 2))),
            service("appointment-service", 3004, "lomash_appointments", 3, new AutoscalingRule(1, 8, cpu(70, 2))),
            service("content-service", 3005, "lomash_content", 4, new AutoscalingRule(2, 10, cpu(65, 2))),
            service("customer-service", 3006, "lomash_customers", 5, new AutoscalingRule(1, 8, cpu(70, 2))),
            service("notification-service", 3007, "lomash_notifications", 6,
                    new AutoscalingRule(2, 12, new ScaleOutTrigger.QueueDepth(500))),
            service("analytics-service", 3008, "lomash_analytics", 7, new AutoscalingRule(1, 6, cpu(75, 3))));

    private PlatformServices() {
    }

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + name));
    }

    private static ServiceSpec service(String name, int port, String database, int redisDb, AutoscalingRule rule) {
        return new ServiceSpec(name, port, Optional.ofNullable(database), redisDb, rule);
    }
}
