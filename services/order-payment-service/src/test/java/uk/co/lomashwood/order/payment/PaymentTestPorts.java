package uk.co.lomashwood.order.payment;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.json.JsonMapper;

import uk.co.lomashwood.order.stripe.WebhookVerifier;

/**
 * The sibling ports the payment tests need until their implementations reach main (imported explicitly by
 * {@link PaymentIntegrationTest}). Drop each one when the real bean arrives.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PaymentTestPorts {

    @Bean
    @Primary
    ScriptedGateway scriptedGateway() {
        return new ScriptedGateway();
    }

    @Bean
    @Primary
    RecordingPorts recordingPorts() {
        return new RecordingPorts();
    }

    @Bean
    @Primary
    WebhookVerifier hmacWebhookVerifier(@Value("${lomash.stripe.webhook-secret}") String secret, JsonMapper json,
                                        Clock clock) {
        return new HmacWebhookVerifier(secret, json, clock);
    }
}
