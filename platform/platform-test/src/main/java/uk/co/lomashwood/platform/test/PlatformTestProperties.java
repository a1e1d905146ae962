package uk.co.lomashwood.platform.test;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot test at the JVM-wide embedded servers.
 *
 * <pre>{@code
 * @SpringBootTest
 * class SignUpTest {
 *     @DynamicPropertySource
 *     static void platform(DynamicPropertyRegistry registry) {
 *         PlatformTestProperties.register(registry, "auth_signup_test");
 *     }
 * }
 * }</pre>
 *
 * <p>Sets {@code spring.datasource.url/username/password} to a database created (if missing) on
 * {@link EmbeddedPostgresServer#shared()}, {@code spring.data.redis.url} to {@link EmbeddedRedisServer#shared()}
 * and {@code lomash.security.internal-token} to {@link #INTERNAL_TOKEN}. Use a database name per test class when
 * tests must not see each other's rows; the Redis server is shared, so tests keep keys unique (ids are UUIDs).
 */
public final class PlatformTestProperties {

    /** The internal token configured for tests; send it as {@code X-Internal-Token}. */
    public static final String INTERNAL_TOKEN = "test-internal-token-0123456789abcdef";

    private PlatformTestProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, String databaseName) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
        String jdbcUrl = postgres.createDatabaseIfMissing(databaseName);
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.data.redis.url", () -> EmbeddedRedisServer.shared().url());
        registry.add("lomash.security.internal-token", () -> INTERNAL_TOKEN);
    }
}
