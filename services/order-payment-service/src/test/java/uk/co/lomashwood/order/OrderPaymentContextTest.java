package uk.co.lomashwood.order;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import uk.co.lomashwood.order.catalogue.ProductCatalogue;
import uk.co.lomashwood.order.checkout.CheckoutPricing;
import uk.co.lomashwood.order.numbering.NumberSequences;
import uk.co.lomashwood.order.order.OrderCreation;
import uk.co.lomashwood.order.order.OrderExpiry;
import uk.co.lomashwood.order.order.OrderIntegrationTest;
import uk.co.lomashwood.order.order.OrderPayments;
import uk.co.lomashwood.platform.events.EventHandler;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Some Boot 4 mismatches fail silently: the pieces orders rely on are really there. */
class OrderPaymentContextTest extends OrderIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void wiresDatabaseOutboxRedisClientsAndOrderBeans() {
        assertThat(context.getBean(DataSource.class)).isNotNull();
        assertThat(context.getBean(Flyway.class).info().applied()).extracting(m -> m.getScript())
                .contains("V1__order_payment_schema.sql", "V0_0_2__outbox_and_inbox.sql", "V0_0_1__idempotency_keys.sql");
        assertThat(context.getBean(OutboxPublisher.class)).isNotNull();
        assertThat(context.getBean(StringRedisTemplate.class)).isNotNull();
        assertThat(context.getBean(NumberSequences.class)).isNotNull();
        assertThat(context.getBean(ProductCatalogue.class)).isNotNull();
        assertThat(context.getBean(CheckoutPricing.class)).isNotNull();
        assertThat(context.getBean(OrderCreation.class)).isNotNull();
        assertThat(context.getBean(OrderExpiry.class)).isNotNull();
        assertThat(context.getBean(OrderPayments.class)).isNotNull();
        assertThat(context.getBeansOfType(EventHandler.class).values()).flatExtracting(EventHandler::topics)
                .contains("product.inventory.reservation_failed", "customer.user.erased");
        assertThat(context.getEnvironment().getProperty("spring.application.name")).isEqualTo("order-payment-service");
    }

    @Test
    void refusesCallsWithoutTheInternalToken() {
        assertThat(api().with("X-Internal-Token", "wrong").get("/v1/shipping/rates").status()).isEqualTo(401);
        assertThat(api().get("/health/live").status()).isEqualTo(200);
    }
}
