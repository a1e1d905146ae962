package uk.co.lomashwood.order.payment;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The sibling ports the payment tests still need a stand-in for (imported explicitly by
 * {@link PaymentIntegrationTest}): SystemRefunds and RefundSettlement. The gateway (offline provider), the webhook
 * verifier and invoicing are the real beans. Drop this when the refund implementations reach main.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PaymentTestPorts {

    @Bean
    @Primary
    RecordingPorts recordingPorts() {
        return new RecordingPorts();
    }
}
