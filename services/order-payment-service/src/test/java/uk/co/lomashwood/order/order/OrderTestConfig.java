package uk.co.lomashwood.order.order;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Registers {@link RecordingRefunds}; drop it once the refund feature's implementation is on main. */
@TestConfiguration(proxyBeanMethods = false)
public class OrderTestConfig {

    @Bean
    @Primary
    RecordingRefunds recordingRefunds() {
        return new RecordingRefunds();
    }
}
