package uk.co.lomashwood.platform.events.config;

import org.springframework.core.env.Environment;

/**
 * This service's name ({@code spring.application.name}): event {@code source}, consumer group and dead-letter stream
 * name; plus its Redis key prefix.
 */
public record ServiceName(String name, String keyPrefix) {

    static ServiceName from(Environment environment, String configuredKeyPrefix) {
        String name = environment.getProperty("spring.application.name");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("platform-events needs spring.application.name: it names the event "
                    + "source and the consumer group (set lomash.events.enabled=false to run without events)");
        }
        String prefix = configuredKeyPrefix == null || configuredKeyPrefix.isBlank()
                ? name.replaceFirst("-service$", "")
                : configuredKeyPrefix;
        return new ServiceName(name, prefix);
    }
}
