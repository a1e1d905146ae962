package uk.co.lomashwood.infra.compute;

import java.util.Map;
import java.util.TreeMap;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.config.PlatformServices;
import uk.co.lomashwood.infra.config.ServiceSpec;

/** Plain (non-secret) environment variables of a service's container. */
public final class ServiceEnvironment {

    /**
     * Seconds a resolved service address may be cached: the TTL of the Cloud Map records and the JVM's
     * positive DNS cache (whose default, 30 s, would keep stopped tasks' addresses in use for longer).
     */
    public static final int DNS_TTL_SECONDS = 10;
    public static final String JAVA_TOOL_OPTIONS =
            "-XX:MaxRAMPercentage=75 -Dsun.net.inetaddr.ttl=" + DNS_TTL_SECONDS;
    /** Spec 00 §2.3: auth-service publishes its public keys at {@code GET /internal/jwks.json}. */
    public static final String JWKS_PATH = "/internal/jwks.json";

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
        // Spec 00 §7.6: heap at most 75% of task memory. DNS cache aligned with the Cloud Map TTL.
        env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        // Spec 00 §2.7: service-to-service calls stay in the VPC, straight to the tasks registered in Cloud Map.
        for (ServiceSpec other : PlatformServices.ALL) {
            if (!other.isGateway() && !other.equals(spec)) {
                env.put(other.envPrefix() + "_SERVICE_URL", internalUrl(config, other));
            }
        }
        ServiceSpec auth = PlatformServices.named("auth-service");
        if (!spec.equals(auth)) {
            env.put("AUTH_JWKS_URL", internalUrl(config, auth) + JWKS_PATH);
        }
        return env;
    }

    /** In-VPC DNS name of a service, e.g. {@code auth-service.lomash-prod.internal}. */
    public static String internalHost(EnvironmentConfig config, ServiceSpec spec) {
        return spec.name() + "." + config.serviceNamespace();
    }

    /** In-VPC base URL of a service, e.g. {@code http://auth-service.lomash-prod.internal:3001}. */
    public static String internalUrl(EnvironmentConfig config, ServiceSpec spec) {
        return "http://" + internalHost(config, spec) + ":" + spec.port();
    }
}
