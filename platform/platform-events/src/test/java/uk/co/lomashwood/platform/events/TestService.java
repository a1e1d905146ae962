package uk.co.lomashwood.platform.events;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.platform.test.EmbeddedPostgresServer;
import uk.co.lomashwood.platform.test.EmbeddedRedisServer;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A small Spring Boot "service" in this JVM: its own database, the shared (or a given) Redis, fast event timings. */
final class TestService implements AutoCloseable {

    static final int OWN_DATABASE = 2;

    /** Different services get different own databases (2–6), as in spec 00 §0, so delivery must cross them. */
    static int ownDatabase(String serviceName) {
        return OWN_DATABASE + Math.floorMod(serviceName.hashCode(), 5);
    }
    /** Where every service's event streams live (lomash.events.redis.bus-database default). */
    static final int BUS_DATABASE = 15;

    private final ConfigurableApplicationContext context;

    private TestService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static TestService start(String name, String database, Map<String, Object> overrides, Class<?>... sources) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.application.name", name);
        properties.put("spring.datasource.url", postgres.createDatabaseIfMissing(database));
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("spring.datasource.hikari.maximum-pool-size", "5");
        properties.put("spring.flyway.locations", "classpath:db/platform,classpath:db/test");
        // The service's own data in its own database; its event streams on the shared bus database.
        properties.put("spring.data.redis.url", EmbeddedRedisServer.shared().url() + "/" + ownDatabase(name));
        properties.put("spring.data.redis.timeout", "1s");
        properties.put("lomash.events.relay.poll-interval", "50ms");
        properties.put("lomash.events.relay.initial-backoff", "100ms");
        properties.put("lomash.events.relay.max-backoff", "400ms");
        properties.put("lomash.events.consumer.retry-backoffs", "150ms,300ms");
        properties.put("lomash.events.consumer.visibility-timeout", "1500ms");
        properties.put("lomash.events.consumer.block-timeout", "100ms");
        properties.putAll(overrides);
        Class<?>[] all = new Class<?>[sources.length + 1];
        all[0] = App.class;
        System.arraycopy(sources, 0, all, 1, sources.length);
        return new TestService(new SpringApplicationBuilder(all)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run());
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JdbcClient jdbc() {
        return JdbcClient.create(bean(DataSource.class));
    }

    <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(bean(PlatformTransactionManager.class)).execute(status -> work.get());
    }

    void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(bean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            work.run();
            status.setRollbackOnly();
        });
    }

    @Override
    public void close() {
        context.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
