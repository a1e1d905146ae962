package uk.co.lomashwood.platform.events;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.platform.events.config.EventsAutoConfiguration;
import uk.co.lomashwood.platform.events.inbox.DeadLetterRedrive;
import uk.co.lomashwood.platform.events.inbox.EventConsumers;
import uk.co.lomashwood.platform.events.inbox.RedisProcessedEventCache;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;
import uk.co.lomashwood.platform.events.outbox.OutboxRelay;
import uk.co.lomashwood.platform.events.transport.EventTransport;
import uk.co.lomashwood.platform.events.transport.redis.RedisStreamsEventTransport;
import uk.co.lomashwood.platform.test.EmbeddedPostgresServer;
import uk.co.lomashwood.platform.test.EmbeddedRedisServer;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
                    FlywayAutoConfiguration.class, EventsAutoConfiguration.class))
            .withPropertyValues(
                    "spring.datasource.url=" + EmbeddedPostgresServer.shared().createDatabaseIfMissing("events_autoconfig"),
                    "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                    "spring.flyway.locations=classpath:db/platform");

    @Test
    void withRedisEverythingIsWired() {
        runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withPropertyValues("spring.application.name=auth-service",
                        "spring.data.redis.url=" + EmbeddedRedisServer.shared().url())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(OutboxPublisher.class)
                            .hasSingleBean(OutboxRelay.class).hasSingleBean(EventConsumers.class)
                            .hasSingleBean(DeadLetterRedrive.class);
                    assertThat(context.getBean(EventTransport.class)).isInstanceOf(RedisStreamsEventTransport.class);
                    assertThat(context.getBean(RedisProcessedEventCache.class).key(new UUID(0, 1)))
                            .isEqualTo("auth:processed:00000000-0000-0000-0000-000000000001");
                });
    }

    @Test
    void withoutRedisTheServiceStartsAndTheOutboxStillFills() {
        runner.withPropertyValues("spring.application.name=content-service")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(OutboxPublisher.class)
                            .doesNotHaveBean(EventTransport.class).doesNotHaveBean(DeadLetterRedrive.class);
                    assertThat(context.getBean(OutboxRelay.class).isRunning()).isFalse();
                    EventEnvelope event = new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                            .execute(status -> context.getBean(OutboxPublisher.class)
                                    .publish("content.blog.published", "b-1", Map.of("blogId", "b-1")));
                    assertThat(JdbcClient.create(context.getBean(DataSource.class))
                            .sql("SELECT count(*) FROM outbox WHERE event_id = ? AND published_at IS NULL")
                            .param(event.eventId()).query(Long.class).single()).isEqualTo(1);
                });
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("spring.application.name=content-service", "lomash.events.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OutboxPublisher.class));
    }

    @Test
    void refusesToStartWithoutAServiceName() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .hasRootCauseMessage("platform-events needs spring.application.name: it names the event source and "
                        + "the consumer group (set lomash.events.enabled=false to run without events)"));
    }
}
