package uk.co.lomashwood.platform.events;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A meter registry for test services (no actuator here). */
@Configuration(proxyBeanMethods = false)
class TestMetrics {

    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
