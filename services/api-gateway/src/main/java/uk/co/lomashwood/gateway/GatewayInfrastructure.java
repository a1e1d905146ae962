package uk.co.lomashwood.gateway;

import java.net.URI;
import java.net.http.HttpClient;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import uk.co.lomashwood.gateway.auth.JwksCache;
import uk.co.lomashwood.gateway.health.HealthProperties;
import uk.co.lomashwood.gateway.health.UpstreamHealthPoller;
import uk.co.lomashwood.gateway.routing.RoutingProperties;

/**
 * Per-context infrastructure: the HTTP client for the gateway's own calls (JWKS, session checks, API docs), the
 * pipeline's virtual threads,
 * the gateway's Redis connection (REDIS_URL on DB index 8, failing fast while Redis is down) and the background
 * tasks (JWKS refresh, upstream health polling). Everything here is owned by this Spring context and closed with it.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayInfrastructure {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService gatewayHttpExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean(destroyMethod = "close")
    HttpClient gatewayHttpClient(RoutingProperties routing, ExecutorService gatewayHttpExecutor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(routing.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(gatewayHttpExecutor)
                .build();
    }

    /** The pipeline's checks of each request (rate limits, session checks) run on a virtual thread of their own. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService gatewayPipelineExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gateway-request-", 0).factory());
    }

    /** REDIS_URL with the gateway's DB index (spec 00 §0: 8) unless the URL names a database itself. */
    @Bean
    DataRedisConnectionDetails gatewayRedisConnectionDetails(
            @Value("${lomash.gateway.redis.url:${REDIS_URL:redis://127.0.0.1:6379}}") String url,
            @Value("${lomash.gateway.redis.database:8}") int database) {
        URI uri = URI.create(url);
        String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
        int db = path.isEmpty() ? database : Integer.parseInt(path);
        String userInfo = uri.getUserInfo();
        String username = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = colon < 0 ? null : emptyToNull(userInfo.substring(0, colon));
            password = colon < 0 ? userInfo : userInfo.substring(colon + 1);
        }
        String user = username;
        String pass = password;
        boolean tls = "rediss".equalsIgnoreCase(uri.getScheme());
        DataRedisConnectionDetails.Standalone standalone = DataRedisConnectionDetails.Standalone.of(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379, db);
        return new DataRedisConnectionDetails() {
            @Override
            public String getUsername() {
                return user;
            }

            @Override
            public String getPassword() {
                return pass;
            }

            @Override
            public SslBundle getSslBundle() {
                return tls ? SslBundle.systemDefault() : null;
            }

            @Override
            public DataRedisConnectionDetails.Standalone getStandalone() {
                return standalone;
            }
        };
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Bean
    LettuceClientOptionsBuilderCustomizer gatewayLettuceOptions(
            @Value("${spring.data.redis.connect-timeout:1s}") Duration connectTimeout) {
        return builder -> builder
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build());
    }

    @Bean
    BackgroundTasks gatewayBackgroundTasks(JwksCache jwks, UpstreamHealthPoller poller, HealthProperties health,
            @Value("${lomash.gateway.auth.jwks-retry-interval:10s}") Duration jwksRetry) {
        return new BackgroundTasks(jwks, poller, health, jwksRetry);
    }

    /** JWKS load/refresh and upstream polling on one daemon scheduler that stops with the context. */
    static final class BackgroundTasks implements SmartLifecycle {

        private final JwksCache jwks;
        private final UpstreamHealthPoller poller;
        private final HealthProperties health;
        private final Duration jwksRetry;
        private ScheduledExecutorService scheduler;

        BackgroundTasks(JwksCache jwks, UpstreamHealthPoller poller, HealthProperties health, Duration jwksRetry) {
            this.jwks = jwks;
            this.poller = poller;
            this.health = health;
            this.jwksRetry = jwksRetry;
        }

        @Override
        public synchronized void start() {
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                    .name("gateway-background").factory());
            scheduler.scheduleWithFixedDelay(jwks::refreshIfStale, 0, jwksRetry.toMillis(), TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(poller::pollNow, 1000, health.pollInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void stop() {
            if (scheduler != null) {
                scheduler.shutdownNow();
                scheduler = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return scheduler != null;
        }
    }
}
