package uk.co.lomashwood.order.stripe;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** With STRIPE_SECRET_KEY set, Stripe itself is the gateway and nothing of the offline provider exists. */
class StripeConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, StripeConfiguration.class);

    @Test
    void aSecretKeySelectsStripeAndItsPublishableKey() {
        runner.withPropertyValues("lomash.stripe.secret-key=sk_test_config",
                        "lomash.stripe.publishable-key=pk_test_config", "lomash.stripe.webhook-secret=whsec_live_one")
                .run(context -> {
                    assertThat(context).hasSingleBean(PaymentGateway.class).hasSingleBean(WebhookVerifier.class)
                            .doesNotHaveBean(OfflinePaymentGateway.class).doesNotHaveBean(OfflineTicker.class);
                    assertThat(context.getBean(PaymentGateway.class)).isInstanceOf(StripePaymentGateway.class);
                    assertThat(context.getBean(PaymentGateway.class).publishableKey()).isEqualTo("pk_test_config");
                    assertThat(context.getBean(WebhookVerifier.class)).isInstanceOf(StripeWebhookSignatures.class);
                });
    }

    @Test
    void withoutAWebhookSecretTheServiceRefusesToStart() {
        runner.withPropertyValues("lomash.stripe.secret-key=sk_test_fixture", "lomash.stripe.webhook-secret=")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("STRIPE_WEBHOOK_SECRET"));
    }

    @Test
    void withARealKeyTheLocalDefaultWebhookSecretIsRefused() {
        runner.withPropertyValues("lomash.stripe.secret-key=sk_live_fixture",
                        "lomash.stripe.webhook-secret=" + StripeProperties.OFFLINE_WEBHOOK_SECRET)
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("forge"));
    }

    @Test
    void theKeysNeverAppearInTheSettingsDescription() {
        StripeProperties properties = new StripeProperties("sk_live_hidden", "pk_live_x", "whsec_hidden", null, true,
                null, null, null);
        assertThat(properties.toString()).doesNotContain("sk_live_hidden").doesNotContain("whsec_hidden");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StripeProperties.class)
    static class Properties {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
