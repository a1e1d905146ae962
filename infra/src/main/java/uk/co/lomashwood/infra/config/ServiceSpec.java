package uk.co.lomashwood.infra.config;

import java.util.Optional;

/**
 * One of the nine services as the platform map (spec 00 §0) and the seed describe it.
 *
 * @param name          ECS service, ECR repository and log-group name
 * @param port          container and target-group port
 * @param database      logical PostgreSQL database, empty for the gateway
 * @param redisDatabase Redis logical database index
 * @param autoscaling   the production autoscaling row
 */
public record ServiceSpec(String name, int port, Optional<String> database, int redisDatabase,
                          AutoscalingRule autoscaling) {

    public boolean isGateway() {
        return name.equals(PlatformServices.API_GATEWAY);
    }

    /** Environment-variable prefix, e.g. {@code ORDER_PAYMENT} for order-payment-service. */
    public String envPrefix() {
        return name.replace("-service", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    /** CloudFormation-friendly id, e.g. {@code OrderPaymentService}. */
    public String constructId() {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("-")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }
}
