package uk.co.lomashwood.platform.events.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.events.EventHandler;
import uk.co.lomashwood.platform.events.EventJson;
import uk.co.lomashwood.platform.events.inbox.DeadLetterRedrive;
import uk.co.lomashwood.platform.events.inbox.EventConsumers;
import uk.co.lomashwood.platform.events.inbox.InboxEventDispatcher;
import uk.co.lomashwood.platform.events.inbox.ProcessedEventCache;
import uk.co.lomashwood.platform.events.inbox.RedisProcessedEventCache;
import uk.co.lomashwood.platform.events.metrics.EventMetrics;
import uk.co.lomashwood.platform.events.metrics.MicrometerEventMetrics;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;
import uk.co.lomashwood.platform.events.outbox.OutboxRelay;
import uk.co.lomashwood.platform.events.outbox.RelaySettings;
import uk.co.lomashwood.platform.events.transport.EventTransport;
import uk.co.lomashwood.platform.events.transport.redis.RedisStreamsEventTransport;
import uk.co.lomashwood.platform.events.transport.redis.RedisStreamsSettings;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Outbox, relay, inbox and transport for a service with a {@link DataSource}. Switched off by
 * {@code lomash.events.enabled=false}. Without Redis (or with {@code lomash.events.transport=none}) there is no
 * transport: publishing still writes the outbox, and the rows wait until a transport is configured.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnProperty(prefix = "lomash.events", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventJson eventJson(ObjectProvider<JsonMapper> jsonMapper) {
        return new EventJson(jsonMapper.getIfAvailable(JsonMapper::shared));
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceName eventsServiceName(Environment environment, EventsProperties properties) {
        return ServiceName.from(environment, properties.redis().keyPrefix());
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxPublisher outboxPublisher(DataSource dataSource, EventJson eventJson, ServiceName serviceName,
                                    ObjectProvider<Clock> clock) {
        return new OutboxPublisher(JdbcClient.create(dataSource), eventJson, serviceName.name(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "lomash.events.relay", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    OutboxRelay outboxRelay(DataSource dataSource, EventsTransactions transactions,
                            ObjectProvider<EventTransport> transport, EventJson eventJson, EventMetrics metrics,
                            EventsProperties properties, ObjectProvider<Clock> clock) {
        EventsProperties.Relay relay = properties.relay();
        return new OutboxRelay(JdbcClient.create(dataSource), transactions.template(), transport.getIfAvailable(),
                eventJson, metrics,
                new RelaySettings(relay.pollInterval(), relay.batchSize(), relay.initialBackoff(),
                        relay.maxBackoff(), relay.retention(), relay.pruneInterval(),
                        relay.processedRetention()),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    InboxEventDispatcher inboxEventDispatcher(ServiceName serviceName, ObjectProvider<EventHandler> handlers,
                                              EventJson eventJson, DataSource dataSource,
                                              EventsTransactions transactions,
                                              ObjectProvider<ProcessedEventCache> cache, EventMetrics metrics) {
        return new InboxEventDispatcher(serviceName.name(), handlers.orderedStream().toList(), eventJson,
                JdbcClient.create(dataSource), transactions.template(),
                cache.getIfAvailable(() -> ProcessedEventCache.NONE), metrics);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "lomash.events.consumer", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    EventConsumers eventConsumers(ObjectProvider<EventTransport> transport, ServiceName serviceName,
                                  InboxEventDispatcher dispatcher) {
        return new EventConsumers(transport.getIfAvailable(), serviceName.name(), dispatcher);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(EventTransport.class)
    DeadLetterRedrive deadLetterRedrive(ServiceName serviceName, DataSource dataSource,
                                        EventsTransactions transactions, EventTransport transport,
                                        EventJson eventJson) {
        return new DeadLetterRedrive(serviceName.name(), JdbcClient.create(dataSource), transactions.template(),
                transport, eventJson);
    }

    @Bean
    EventsTransactions eventsTransactions(ObjectProvider<PlatformTransactionManager> transactionManager,
                                          DataSource dataSource) {
        return new EventsTransactions(new TransactionTemplate(
                transactionManager.getIfAvailable(() -> new DataSourceTransactionManager(dataSource))));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RedisConnectionFactory.class)
    @ConditionalOnBean(RedisConnectionFactory.class)
    @ConditionalOnProperty(prefix = "lomash.events", name = "transport", havingValue = "redis",
            matchIfMissing = true)
    static class RedisTransportConfiguration {

        @Bean
        EventBusRedis eventBusRedis(RedisConnectionFactory connectionFactory, EventsProperties properties) {
            return EventBusRedis.on(connectionFactory, properties.redis().busDatabase());
        }

        @Bean
        @ConditionalOnMissingBean(EventTransport.class)
        RedisStreamsEventTransport redisStreamsEventTransport(EventBusRedis bus,
                                                              EventJson eventJson, EventsProperties properties) {
            EventsProperties.Consumer consumer = properties.consumer();
            return new RedisStreamsEventTransport(bus.connectionFactory(), eventJson, new RedisStreamsSettings(
                    properties.redis().maxStreamLength(), properties.redis().maxDlqLength(),
                    consumer.maxAttempts(), consumer.retryBackoffs(), consumer.visibilityTimeout(),
                    consumer.blockTimeout(), consumer.batchSize(), consumer.readFromStart()));
        }

        @Bean
        @ConditionalOnMissingBean(ProcessedEventCache.class)
        RedisProcessedEventCache redisProcessedEventCache(RedisConnectionFactory connectionFactory,
                                                          ServiceName serviceName, EventsProperties properties) {
            return new RedisProcessedEventCache(new StringRedisTemplate(connectionFactory),
                    serviceName.keyPrefix(), properties.consumer().processedKeyTtl());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MicrometerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        EventMetrics eventMetrics(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meterRegistry = registry.getIfAvailable();
            return meterRegistry == null ? EventMetrics.NONE : new MicrometerEventMetrics(meterRegistry);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    EventMetrics noEventMetrics() {
        return EventMetrics.NONE;
    }
}
