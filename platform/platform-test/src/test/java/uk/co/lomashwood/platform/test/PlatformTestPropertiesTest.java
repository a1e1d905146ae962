package uk.co.lomashwood.platform.test;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformTestPropertiesTest {

    @Test
    void pointsSpringAtAFreshDatabaseAndTheSharedRedis() throws Exception {
        Map<String, Supplier<Object>> properties = new HashMap<>();
        DynamicPropertyRegistry registry = properties::put;

        PlatformTestProperties.register(registry, "platform_test_properties");

        String url = (String) properties.get("spring.datasource.url").get();
        assertThat(url).endsWith("/platform_test_properties");
        try (Connection connection = DriverManager.getConnection(url,
                (String) properties.get("spring.datasource.username").get(),
                (String) properties.get("spring.datasource.password").get())) {
            assertThat(connection.isValid(2)).isTrue();
        }
        assertThat(properties.get("spring.data.redis.url").get()).isEqualTo(EmbeddedRedisServer.shared().url());
        assertThat(properties.get("lomash.security.internal-token").get()).isEqualTo(PlatformTestProperties.INTERNAL_TOKEN);
    }
}
