package uk.co.lomashwood.product.offer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** reprice-products: sale and sale-price windows that open or close reach the cards without any write. */
class RepriceJobTest extends ProductIntegrationTest {

    @Autowired
    RepriceJob job;

    @Test
    void anEndedSaleStopsDiscountingTheCardsAndIsAnnouncedOnce() {
        UUID colour = colour(unique("Window"));
        UUID productId = product(productBody(unique("Windowed"), List.of(colour), "price", 200.00));
        UUID saleId = UUID.fromString(admin().post("/v1/sales", body("title", "Weekend", "slug", "w-" + UUID.randomUUID(),
                "description", "Half off.", "image", "https://media.lomashwood.test/w.jpg",
                "startDate", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                "endDate", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "discountType", "PERCENTAGE", "discountPercent", 50, "productIds", List.of(productId)))
                .data().get("id").asString());
        assertThat(api().get("/v1/products/" + productId).data().get("salePrice").decimalValue())
                .isEqualByComparingTo("100.00");

        jdbc.sql("UPDATE sales SET end_date = now() - interval '1 minute' WHERE id = ?").param(saleId).update();
        job.run();
        job.run();

        assertThat(api().get("/v1/products/" + productId).data().get("onSale").asBoolean()).isFalse();
        assertThat(api().get("/v1/products?filter[colour]=" + colour + "&maxPrice=150").data().size()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE topic = 'product.sale.expired' AND aggregate_id = ?")
                .param(saleId.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRuleSalePriceThatStartsLaterIsAppliedWhenItsWindowOpens() {
        UUID productId = product(productBody(unique("Later sale"), List.of(colour(unique("Later")))));
        var created = admin().post("/v1/pricing", body("productId", productId, "basePrice", 100.00, "salePrice", 80.00,
                "saleStartDate", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api().get("/v1/products/" + productId).data().get("onSale").asBoolean()).isFalse();

        jdbc.sql("UPDATE pricing_rules SET sale_start_date = now() - interval '1 minute' WHERE product_id = ?")
                .param(productId).update();
        job.run();

        var detail = api().get("/v1/products/" + productId);
        assertThat(detail.data().get("salePrice").isNull()).as(detail.toString()).isFalse();
        assertThat(detail.data().get("salePrice").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(admin().get("/v1/pricing?productId=" + productId).data().get(0).get("isOnSale").asBoolean()).isTrue();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM price_history WHERE product_id = ? AND price_type = 'SALE'
                           AND changed_by = 'system' AND new_price = 8000 AND old_price = 10000""")
                .param(productId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM outbox WHERE topic = 'product.price.changed' AND aggregate_id = ?
                           AND payload::text LIKE '%sale window opened%'""")
                .param(productId.toString()).query(Long.class).single()).isEqualTo(1);
    }
}
