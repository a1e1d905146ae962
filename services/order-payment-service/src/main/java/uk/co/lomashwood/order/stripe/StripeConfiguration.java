package uk.co.lomashwood.order.stripe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * The {@link PaymentGateway} and {@link WebhookVerifier} beans. A non-blank {@code lomash.stripe.secret-key}
 * (STRIPE_SECRET_KEY) selects {@link StripePaymentGateway}; otherwise {@link OfflinePaymentGateway} stands in,
 * with its background deliveries and {@code POST /v1/payments/offline/confirm}. Both verify webhooks with
 * {@code lomash.stripe.webhook-secret}.
 */
@Configuration(proxyBeanMethods = false)
class StripeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

    @Bean
    WebhookVerifier webhookVerifier(StripeProperties properties, Clock clock) {
        return new StripeWebhookSignatures(properties.webhookSecret(), clock);
    }

    @Bean
    @Conditional(StripeMode.Live.class)
    PaymentGateway stripePaymentGateway(StripeProperties properties) {
        log.info("payments go to Stripe at {}", properties.apiBase());
        return new StripePaymentGateway(properties);
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(StripeMode.Offline.class)
    static class Offline {

        @Bean
        OfflineTicker offlineStripeTicker() {
            return new OfflineTicker();
        }

        @Bean
        OfflineWebhookDeliveries offlineWebhookDeliveries(JdbcClient jdbc, Clock clock, StripeProperties properties,
                                                          Environment environment) {
            return new OfflineWebhookDeliveries(jdbc, clock, properties,
                    () -> environment.resolveRequiredPlaceholders(properties.offlineWebhookUrl()));
        }

        @Bean
        OfflinePaymentGateway offlinePaymentGateway(JdbcClient jdbc, OfflineWebhookDeliveries deliveries,
                                                    PlatformTransactionManager transactions, Clock clock,
                                                    StripeProperties properties, OfflineTicker ticker) {
            log.info("no STRIPE_SECRET_KEY: the offline payment provider stands in for Stripe and delivers signed "
                    + "webhooks to {}", properties.offlineWebhookUrl());
            OfflinePaymentGateway gateway = new OfflinePaymentGateway(new OfflineStripeStore(jdbc), deliveries, transactions,
                    clock, properties, ticker::poke);
            ticker.run(gateway::settleDueRefunds);
            ticker.run(deliveries::deliverDue);
            return gateway;
        }
    }
}
