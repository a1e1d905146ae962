package uk.co.lomashwood.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import uk.co.lomashwood.launcher.mail.LocalMailbox;
import uk.co.lomashwood.platform.test.EmbeddedPostgresServer;
import uk.co.lomashwood.platform.test.EmbeddedRedisServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole platform in one JVM (DESIGN §1): embedded PostgreSQL 16 with one database per service,
 * embedded Redis, a local SMTP server with its mailbox, then every service in its own Spring
 * context on its own port, the gateway last. {@link #close()} stops everything in reverse.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

    private final List<AutoCloseable> resources = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ConfigurableApplicationContext> contexts = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private LocalMailbox mailbox;

    private LocalPlatform() {
    }

    public static LocalPlatform start(LauncherOptions options) throws Exception {
        // One JVM, many Spring contexts: logging is configured once, by the launcher's logback.xml.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        LocalPlatform platform = new LocalPlatform();
        try {
            platform.boot(options);
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    private void boot(LauncherOptions options) throws Exception {
        if (options.reset()) {
            DataFolder.delete(options.dataDir());
        }
        Files.createDirectories(options.dataDir());
        PortAllocator allocator = new PortAllocator(options.randomPorts());

        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(options.dataDir().resolve("postgres"),
                allocator.portFor(options.postgresPort()));
        resources.add(postgres::close);
        ServiceCatalogue.ALL_DATABASES.forEach(postgres::createDatabaseIfMissing);
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(options.dataDir().resolve("redis"),
                allocator.portFor(options.redisPort()));
        resources.add(redis::close);
        mailbox = LocalMailbox.start(allocator.portFor(options.smtpPort()), allocator.portFor(options.mailboxPort()));
        resources.add(mailbox);

        for (ServiceDefinition upstream : ServiceCatalogue.UPSTREAMS) {
            ports.put(upstream.name(), allocator.portFor(upstream.defaultPort()));
        }
        ports.put(ServiceCatalogue.GATEWAY.name(), allocator.portFor(ServiceCatalogue.GATEWAY.defaultPort()));

        ServiceProperties properties = new ServiceProperties(options.dataDir(), postgres, redis, mailbox.smtpPort(),
                newInternalToken(), ports, options.overrides());
        List<ServiceDefinition> backends = ServiceCatalogue.runnable().stream()
                .filter(s -> s != ServiceCatalogue.GATEWAY).toList();
        // platform threads: a Spring start is mostly class loading and initialisation, which pins a virtual thread's
        // carrier while it waits; with two cores (two carriers) and five services starting, that can deadlock
        try (ExecutorService starter = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("start-", 0).factory())) {
            List<Future<?>> started = new ArrayList<>();
            for (ServiceDefinition service : backends) {
                started.add(starter.submit(() -> run(service, properties.forService(service))));
            }
            for (Future<?> future : started) {
                future.get();
            }
        }
        run(ServiceCatalogue.GATEWAY, properties.forService(ServiceCatalogue.GATEWAY));
    }

    private Void run(ServiceDefinition service, Map<String, Object> properties) {
        log.info("starting {} on port {}", service.name(), properties.get("server.port"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(service.application())
                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .initializers(ctx -> ctx.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("launcher", properties)))
                .run();
        contexts.put(service.name(), context);
        return null;
    }

    public int port(String service) {
        return ports.get(service);
    }

    public String gatewayUrl() {
        return "http://localhost:" + port(ServiceCatalogue.GATEWAY.name());
    }

    public String mailboxUrl() {
        return "http://localhost:" + mailbox.httpPort();
    }

    public LocalMailbox mailbox() {
        return mailbox;
    }

    public ConfigurableApplicationContext context(String service) {
        return contexts.get(service);
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> running = new ArrayList<>(contexts.values());
        Collections.reverse(running);
        for (ConfigurableApplicationContext context : running) {
            try {
                context.close();
            } catch (RuntimeException e) {
                log.warn("stopping a service failed: {}", e.getMessage());
            }
        }
        contexts.clear();
        List<AutoCloseable> infrastructure = new ArrayList<>(resources);
        Collections.reverse(infrastructure);
        for (AutoCloseable resource : infrastructure) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("stopping embedded infrastructure failed: {}", e.getMessage());
            }
        }
        resources.clear();
    }

    /** Removes a data folder, e.g. a test's throw-away one after {@link #close()}. */
    public static void deleteDataFolder(Path dir) throws IOException {
        DataFolder.delete(dir);
    }

    private static String newInternalToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Deletes the local data folder for {@code --reset}. */
    static final class DataFolder {
        private DataFolder() {
        }

        static void delete(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
