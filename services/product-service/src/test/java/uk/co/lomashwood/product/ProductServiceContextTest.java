package uk.co.lomashwood.product;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import uk.co.lomashwood.platform.events.outbox.OutboxPublisher;
import uk.co.lomashwood.platform.web.cdn.CdnInvalidator;
import uk.co.lomashwood.platform.web.storage.ObjectStorage;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProductServiceContextTest extends ProductIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void keyBeansArePresentAndTheSchemaIsMigrated() {
        assertThat(context.getBean(DataSource.class)).isNotNull();
        assertThat(context.getBean(Flyway.class)).isNotNull();
        assertThat(context.getBean(OutboxPublisher.class)).isNotNull();
        assertThat(context.getBean(ObjectStorage.class)).isNotNull();
        assertThat(context.getBean(CdnInvalidator.class)).isNotNull();
        assertThat(context.getBeansOfType(uk.co.lomashwood.platform.events.EventHandler.class)).containsKey("orderEventsHandler");
        assertThat(context.getBeansOfType(org.springframework.context.SmartLifecycle.class))
                .containsKeys("reservationSweeper", "viewCounts", "repriceJob", "syncInventoryJob",
                        "purgeOutdatedProducts", "rebuildSearchIndex");
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                + "('products', 'inventory', 'inventory_reservations', 'outbox', 'idempotency_keys')")
                .query(Long.class).single()).isEqualTo(5);
    }
}
