package uk.co.lomashwood.platform.web.health;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Redis answers {@code PING}. */
public class RedisHealthCheck implements HealthCheck {

    private final RedisConnectionFactory connections;

    public RedisHealthCheck(RedisConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public void probe() {
        try (RedisConnection connection = connections.getConnection()) {
            connection.ping();
        }
    }
}
