package uk.co.lomashwood.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * auth-service (:3001): identities, credentials, tokens and sessions (spec 10 §2). Configuration lives in
 * {@code auth-service.yml} (platform-web derives the name from this class), so that the service can run in
 * one JVM next to the others.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AuthServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServiceApplication.class, args);
    }
}
