package uk.co.lomashwood.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * auth-service (:3001): identities, credentials, tokens and sessions (spec 10 §2).
 *
 * <p>Its configuration lives in {@code auth-service.yml} (not {@code application.yml}), so that it can run
 * in one JVM next to the other services: {@link AuthServiceConfigName} points Spring Boot at it whenever
 * this class is a source of the application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AuthServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServiceApplication.class, args);
    }
}
