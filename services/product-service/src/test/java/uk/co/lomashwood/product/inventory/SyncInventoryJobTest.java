package uk.co.lomashwood.product.inventory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sync-inventory (spec 20 §1.6): stock rows a product lacks come back with quantity 0, statuses that drifted from
 * the numbers are corrected and alerted, and the shop shows the corrected availability at once. Like every job it
 * runs only while it holds {@code product:lock:job:sync-inventory}.
 */
class SyncInventoryJobTest extends ProductIntegrationTest {

    private static final String LOCK = "product:lock:job:sync-inventory";

    @Autowired
    SyncInventoryJob job;
    @Autowired
    StringRedisTemplate redis;

    private long rows(UUID product) {
        return jdbc.sql("SELECT count(*) FROM inventory WHERE product_id = ? AND deleted_at IS NULL").param(product)
                .query(Long.class).single();
    }

    private List<String> lowStockAlerts(UUID product) {
        return jdbc.sql("""
                        SELECT payload::text FROM outbox WHERE topic = 'product.inventory.low'
                           AND payload::text LIKE '%' || ? || '%'""").param(product.toString()).query(String.class).list();
    }

    @Test
    void aProductWithoutStockRowsGetsThemBackWithQuantityZero() {
        UUID plain = product(productBody(unique("Unstocked"), List.of(colour(unique("Unstocked")))));
        UUID sized = product(productBody(unique("Unstocked sizes"), List.of(colour(unique("Unstocked sizes"))),
                "sizes", List.of(body("title", "500 mm"), body("title", "600 mm"))));
        jdbc.sql("DELETE FROM inventory WHERE product_id IN (?, ?)").params(plain, sized).update();

        InventorySync.Report report = job.run();

        assertThat(report.rowsCreated()).isGreaterThanOrEqualTo(3);
        assertThat(rows(plain)).isEqualTo(1);
        assertThat(rows(sized)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM inventory WHERE product_id = ? AND variant_id IS NULL")
                .param(sized).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT sum(quantity) FROM inventory WHERE product_id IN (?, ?)").params(plain, sized)
                .query(Long.class).single()).isZero();
        assertThat(job.run().rowsCreated()).isZero();
    }

    @Test
    void aStatusThatDriftedFromTheNumbersIsCorrectedAlertedAndShown() {
        UUID product = product(productBody(unique("Drifted"), List.of(colour(unique("Drifted")))));
        Reply restock = admin().post("/v1/inventory/increment", body("productId", product, "quantity", 50));
        assertThat(restock.status()).as(restock.toString()).isEqualTo(200);
        assertThat(api().get("/v1/products/" + product).data().get("availability").asString()).isEqualTo("IN_STOCK");
        jdbc.sql("UPDATE inventory SET quantity = 4 WHERE product_id = ?").param(product).update();

        assertThat(job.run().statusesCorrected()).isGreaterThanOrEqualTo(1);

        assertThat(api().get("/v1/products/" + product).data().get("availability").asString()).isEqualTo("LOW_STOCK");
        assertThat(jdbc.sql("SELECT status FROM inventory WHERE product_id = ?").param(product).query(String.class)
                .single()).isEqualTo("LOW_STOCK");
        assertThat(lowStockAlerts(product)).hasSize(1);
        assertThat(lowStockAlerts(product).getFirst()).contains("\"level\": \"LOW_STOCK\"");
        job.run();
        assertThat(lowStockAlerts(product)).hasSize(1);
    }

    @Test
    void aRunIsSkippedWhileAnotherInstanceHoldsTheJobLock() {
        UUID product = product(productBody(unique("Locked sync"), List.of(colour(unique("Locked sync")))));
        jdbc.sql("DELETE FROM inventory WHERE product_id = ?").param(product).update();
        redis.opsForValue().set(LOCK, "another-instance", Duration.ofMinutes(1));
        try {
            assertThat(job.runLocked()).isFalse();
            assertThat(rows(product)).isZero();
        } finally {
            redis.delete(LOCK);
        }

        assertThat(job.runLocked()).isTrue();
        assertThat(rows(product)).isEqualTo(1);
        assertThat(redis.hasKey(LOCK)).isFalse();
    }
}
