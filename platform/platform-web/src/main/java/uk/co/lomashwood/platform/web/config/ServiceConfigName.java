package uk.co.lomashwood.platform.web.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;
import java.util.Optional;

/**
 * Each service reads {@code <service-name>.yml} rather than {@code application.yml}: the launcher
 * runs every service in one JVM with every jar on one classpath, where a shared file name would make
 * services read each other's settings. The name comes from the application class:
 * {@code AuthServiceApplication} → {@code auth-service.yml}, {@code ApiGatewayApplication} →
 * {@code api-gateway.yml}. An explicit {@code spring.config.name} wins.
 */
public class ServiceConfigName implements EnvironmentPostProcessor, Ordered {

    private static final String BASE_PACKAGE = "uk.co.lomashwood.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.config.name")) {
            return;
        }
        serviceApplication(application).map(type -> configNameOf(type.getSimpleName())).ifPresent(name -> environment.getPropertySources()
                .addLast(new MapPropertySource("lomash-service-config-name", Map.of("spring.config.name", name))));
    }

    static Optional<Class<?>> serviceApplication(SpringApplication application) {
        return application.getAllSources().stream()
                .filter(Class.class::isInstance).<Class<?>>map(Class.class::cast)
                .filter(type -> type.getName().startsWith(BASE_PACKAGE) && type.isAnnotationPresent(SpringBootApplication.class))
                .findFirst();
    }

    static String configNameOf(String applicationSimpleName) {
        String simple = applicationSimpleName.replaceFirst("Application$", "");
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
