package uk.co.lomashwood.platform.web.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.module.SimpleModule;
import uk.co.lomashwood.platform.web.client.InternalRestClientFactory;
import uk.co.lomashwood.platform.web.error.ProblemDetailsAdvice;
import uk.co.lomashwood.platform.web.error.ProblemErrorController;
import uk.co.lomashwood.platform.web.health.DatabaseHealthCheck;
import uk.co.lomashwood.platform.web.health.HealthCheck;
import uk.co.lomashwood.platform.web.health.HealthController;
import uk.co.lomashwood.platform.web.health.RedisHealthCheck;
import uk.co.lomashwood.platform.web.idempotency.IdempotencyFilter;
import uk.co.lomashwood.platform.web.idempotency.IdempotencyPurger;
import uk.co.lomashwood.platform.web.idempotency.IdempotencyStore;
import uk.co.lomashwood.platform.web.json.IsoInstantMillisSerializer;
import uk.co.lomashwood.platform.web.request.AccessLogFilter;
import uk.co.lomashwood.platform.web.request.BodySizeLimitFilter;
import uk.co.lomashwood.platform.web.request.RequestIdFilter;
import uk.co.lomashwood.platform.web.security.InternalTokenFilter;
import uk.co.lomashwood.platform.web.security.RequireRoleInterceptor;
import uk.co.lomashwood.platform.web.security.UserContextArgumentResolver;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Everything a service gets from platform-web by depending on it (see docs/platform-contract.md). */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration", afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformWebProperties.class)
public class PlatformWebAutoConfiguration {

    static final int REQUEST_ID_ORDER = Ordered.HIGHEST_PRECEDENCE;
    static final int ACCESS_LOG_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;
    static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;
    static final int INTERNAL_TOKEN_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    static final int IDEMPOTENCY_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        return registration(new RequestIdFilter(), REQUEST_ID_ORDER);
    }

    @Bean
    @ConditionalOnProperty(name = "lomash.web.access-log", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
        return registration(new AccessLogFilter(), ACCESS_LOG_ORDER);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(PlatformWebProperties properties) {
        return registration(new BodySizeLimitFilter(properties.web().maxBodyBytes()), BODY_LIMIT_ORDER);
    }

    /** Off only at the gateway, which is where the token is added. */
    @Bean
    @ConditionalOnProperty(name = "lomash.security.enforce-internal-token", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(PlatformWebProperties properties) {
        PlatformWebProperties.Security security = properties.security();
        return registration(new InternalTokenFilter(security.internalToken(), security.publicPaths()), INTERNAL_TOKEN_ORDER);
    }

    @Bean
    @ConditionalOnMissingBean
    InternalRestClientFactory internalRestClientFactory(PlatformWebProperties properties, Environment environment) {
        return new InternalRestClientFactory(String.valueOf(properties.security().internalToken()),
                environment.getProperty("spring.application.name", "unknown"));
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    WebMvcConfigurer platformWebMvcConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new UserContextArgumentResolver());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RequireRoleInterceptor());
            }
        };
    }

    @Bean
    JsonMapperBuilderCustomizer platformJsonMapperCustomizer() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(tools.jackson.databind.cfg.EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(tools.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // a number or boolean where the schema says text is a client error, not something to convert
                .withCoercionConfig(tools.jackson.databind.type.LogicalType.Textual, text -> text
                        .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Integer, tools.jackson.databind.cfg.CoercionAction.Fail)
                        .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Float, tools.jackson.databind.cfg.CoercionAction.Fail)
                        .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Boolean, tools.jackson.databind.cfg.CoercionAction.Fail))
                .addModule(new SimpleModule("lomash-platform").addSerializer(Instant.class, new IsoInstantMillisSerializer()));
    }

    @Bean
    HealthController healthController(List<HealthCheck> checks, ApplicationAvailability availability,
                                      Environment environment, PlatformWebProperties properties) {
        return new HealthController(checks, availability, environment.getProperty("spring.application.name", "unknown"),
                properties.version());
    }

    private static <T extends jakarta.servlet.Filter> FilterRegistrationBean<T> registration(T filter, int order) {
        FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.jdbc.core.simple.JdbcClient")
    @ConditionalOnBean(DataSource.class)
    static class DatabaseBacked {

        @Bean
        DatabaseHealthCheck databaseHealthCheck(DataSource dataSource) {
            return new DatabaseHealthCheck(dataSource);
        }

        @Bean
        IdempotencyStore idempotencyStore(DataSource dataSource, Clock clock) {
            return new IdempotencyStore(JdbcClient.create(dataSource), clock);
        }

        @Bean
        IdempotencyPurger idempotencyPurger(IdempotencyStore store) {
            return new IdempotencyPurger(store);
        }

        @Bean
        FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
                @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                ObjectProvider<RequestMappingHandlerMapping> handlerMapping, IdempotencyStore store) {
            return registration(new IdempotencyFilter(handlerMapping, store), IDEMPOTENCY_ORDER);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
    static class RedisBacked {

        @Bean
        @ConditionalOnBean(type = "org.springframework.data.redis.connection.RedisConnectionFactory")
        RedisHealthCheck redisHealthCheck(org.springframework.data.redis.connection.RedisConnectionFactory connections) {
            return new RedisHealthCheck(connections);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
    static class FlywayLocations {

        @Bean
        org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer platformMigrations() {
            return configuration -> {
                List<org.flywaydb.core.api.Location> locations = new java.util.ArrayList<>(List.of(configuration.getLocations()));
                locations.add(new org.flywaydb.core.api.Location("classpath:db/platform"));
                configuration.locations(locations.toArray(org.flywaydb.core.api.Location[]::new));
            };
        }
    }
}
