package uk.co.lomashwood.platform.events.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Redis connection that carries the event streams. Every service keeps its own data in its own
 * database index (spec 00 §0), but a bus only works if producers and consumers meet in one place, so
 * the streams live in a shared index ({@code lomash.events.redis.bus-database}, default 15) on the
 * same server, reached with the service's own host, credentials and TLS settings.
 */
public final class EventBusRedis implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventBusRedis.class);

    private final RedisConnectionFactory connectionFactory;
    private final LettuceConnectionFactory owned;

    private EventBusRedis(RedisConnectionFactory connectionFactory, LettuceConnectionFactory owned) {
        this.connectionFactory = connectionFactory;
        this.owned = owned;
    }

    static EventBusRedis on(RedisConnectionFactory serviceConnections, int busDatabase) {
        if (busDatabase < 0) {
            return new EventBusRedis(serviceConnections, null);
        }
        if (!(serviceConnections instanceof LettuceConnectionFactory lettuce)) {
            log.warn("event streams stay in the service's own Redis database: {} is not Lettuce",
                    serviceConnections.getClass().getSimpleName());
            return new EventBusRedis(serviceConnections, null);
        }
        RedisStandaloneConfiguration service = lettuce.getStandaloneConfiguration();
        RedisStandaloneConfiguration bus = new RedisStandaloneConfiguration(service.getHostName(), service.getPort());
        bus.setUsername(service.getUsername());
        bus.setPassword(service.getPassword());
        bus.setDatabase(busDatabase);
        LettuceConnectionFactory busConnections = new LettuceConnectionFactory(bus, lettuce.getClientConfiguration());
        busConnections.afterPropertiesSet();
        busConnections.start();
        return new EventBusRedis(busConnections, busConnections);
    }

    public RedisConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    @Override
    public void destroy() {
        if (owned != null) {
            owned.destroy();
        }
    }
}
