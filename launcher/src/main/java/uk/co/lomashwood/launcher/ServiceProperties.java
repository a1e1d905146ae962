package uk.co.lomashwood.launcher;

import uk.co.lomashwood.platform.test.EmbeddedPostgresServer;
import uk.co.lomashwood.platform.test.EmbeddedRedisServer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration each service gets from the launcher. Both the Spring property and the
 * environment variable name that the service's {@code application.yml} reads are set, with the
 * launcher's values taking precedence over anything in the developer's environment.
 */
final class ServiceProperties {

    private final Path dataDir;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedRedisServer redis;
    private final int smtpPort;
    private final String internalToken;
    private final Map<String, Integer> ports;
    private final Map<String, Object> overrides;

    ServiceProperties(Path dataDir, EmbeddedPostgresServer postgres, EmbeddedRedisServer redis, int smtpPort,
                      String internalToken, Map<String, Integer> ports, Map<String, Object> overrides) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.redis = redis;
        this.smtpPort = smtpPort;
        this.internalToken = internalToken;
        this.ports = ports;
        this.overrides = overrides;
    }

    Map<String, Object> forService(ServiceDefinition service) {
        Map<String, Object> p = new LinkedHashMap<>();
        int port = ports.get(service.name());
        both(p, "server.port", "SERVER_PORT", port);
        p.put("PORT", port);
        both(p, "lomash.security.internal-token", "INTERNAL_TOKEN", internalToken);
        String redisUrl = "redis://127.0.0.1:" + redis.port() + "/" + service.redisDb();
        both(p, "spring.data.redis.url", "REDIS_URL", redisUrl);
        if (service.hasDatabase()) {
            both(p, "spring.datasource.url", "DATABASE_URL", postgres.jdbcUrl(service.database()));
            both(p, "spring.datasource.username", "DATABASE_USERNAME", postgres.username());
            both(p, "spring.datasource.password", "DATABASE_PASSWORD", postgres.password());
        }
        both(p, "spring.mail.host", "SMTP_HOST", "127.0.0.1");
        both(p, "spring.mail.port", "SMTP_PORT", smtpPort);
        both(p, "lomash.demo.seed", "LOMASH_DEMO_SEED", true);
        both(p, "lomash.environment", "LOMASH_ENV", "local");
        p.put("LOMASH_DATA_DIR", dataDir.toString());
        p.put("spring.jmx.enabled", false);
        p.put("spring.main.banner-mode", "off");
        String gateway = "http://localhost:" + ports.get(ServiceCatalogue.GATEWAY.name());
        p.put("PUBLIC_BASE_URL", gateway);
        // The gateway routes to every upstream (a missing one answers 503); a service only learns the URLs of
        // services this build runs, so it picks its local fallbacks for the others.
        boolean gatewayItself = service == ServiceCatalogue.GATEWAY;
        for (ServiceDefinition upstream : ServiceCatalogue.UPSTREAMS) {
            if (gatewayItself || ServiceCatalogue.runnable().contains(upstream)) {
                p.put(upstream.envPrefix() + "_SERVICE_URL", "http://127.0.0.1:" + ports.get(upstream.name()));
            }
        }
        p.put("AUTH_JWKS_URL", "http://127.0.0.1:" + ports.get(ServiceCatalogue.AUTH.name()) + "/internal/jwks.json");
        p.put("CORS_ALLOWED_ORIGINS", String.join(",", gateway, "http://localhost:3000", "http://localhost:5173",
                "http://localhost:8080"));
        p.putAll(overrides);
        return p;
    }

    private static void both(Map<String, Object> p, String property, String env, Object value) {
        p.put(property, value);
        p.put(env, value);
    }
}
