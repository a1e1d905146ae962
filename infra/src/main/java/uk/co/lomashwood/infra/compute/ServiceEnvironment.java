package uk.co.lomashwood.infra.compute;

import java.util.Map;
import java.util.TreeMap;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.config.PlatformServices;
import uk.co.lomashwood.infra.config.ServiceSpec;

/** Plain (non-secret) environment variables of a service's container. */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    public static Map<String, String> of(EnvironmentConfig config, ServiceSpec spec) {
        Map<String, String> env = new TreeMap<>();
        env.put("SERVICE_NAME", spec.name());
        env.put("APP_ENV", config.name());
        env.put("PORT", Integer.toString(spec.port()));
        env.put("SERVER_PORT", Integer.toString(spec.port()));
        env.put("AWS_REGION", config.region());
        env.put("REDIS_DATABASE", Integer.toString(spec.redisDatabase()));
        env.put("EVENT_TRANSPORT", "sns-sqs");
        env.put("LOG_LEVEL", "info");
        // Spec 00 §7.6: heap at most 75% of task memory.
        env.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75");
        // Internal calls go through the ALB under the private zone (see LoadBalancerConstruct).
        for (ServiceSpec other : PlatformServices.ALL) {
            if (!other.isGateway() && !other.equals(spec)) {
                env.put(other.envPrefix() + "_SERVICE_URL", internalUrl(config, other));
            }
        }
        return env;
    }

    public static String internalHost(EnvironmentConfig config, ServiceSpec spec) {
        return spec.name() + "." + config.internalZoneName();
    }

    public static String internalUrl(EnvironmentConfig config, ServiceSpec spec) {
        return "https://" + internalHost(config, spec);
    }
}
