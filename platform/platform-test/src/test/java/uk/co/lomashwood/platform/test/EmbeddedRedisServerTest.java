package uk.co.lomashwood.platform.test;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedRedisServerTest {

    private final EmbeddedRedisServer redis = EmbeddedRedisServer.shared();

    @Test
    void answersPingAndAppendsToStreams() {
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> commands = connection.sync();

            assertThat(commands.ping()).isEqualTo("PONG");
            String id = commands.xadd("platform-test:stream", Map.of("field", "value"));
            assertThat(id).contains("-");
            assertThat(commands.xlen("platform-test:stream")).isEqualTo(1);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void urlNamesTheLoopbackPort() {
        assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + redis.port());
        assertThat(EmbeddedRedisServer.shared()).isSameAs(redis);
    }
}
