package uk.co.lomashwood.auth;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Makes Spring Boot read {@code auth-service.yml} instead of {@code application.yml} for applications built
 * from {@link AuthServiceApplication}. When every service runs in one JVM (the launcher), every service
 * jar is on one classpath and a shared name would make them read each other's files. Runs before the
 * config-data processor and leaves an explicit {@code spring.config.name} alone.
 */
public class AuthServiceConfigName implements EnvironmentPostProcessor, Ordered {

    static final String CONFIG_NAME = "auth-service";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean ours = application.getAllSources().stream().anyMatch(source -> source == AuthServiceApplication.class
                || (source instanceof Class<?> type && type.getName().startsWith("uk.co.lomashwood.auth.")
                && type.isAnnotationPresent(org.springframework.boot.autoconfigure.SpringBootApplication.class)));
        if (ours && !environment.containsProperty("spring.config.name")) {
            environment.getPropertySources().addLast(
                    new MapPropertySource("auth-service-config-name", Map.of("spring.config.name", CONFIG_NAME)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
