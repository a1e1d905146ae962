package uk.co.lomashwood.product.offer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** reprice-products: sale and sale-price windows that open or close reach the cards without any write. */
@ExtendWith(OutputCaptureExtension.class)
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

    /**
     * The guard of spec 20 §1.6: a sale window that takes a rule's price outside 50 %–150 % of the previous one is
     * logged, not written to price_history nor announced; the price itself is what the listing, the detail and
     * checkout all show. Both bounds are allowed.
     */
    @Test
    void aSaleWindowThatOpensBelowHalfThePriceIsLoggedButNotRecorded(CapturedOutput output) {
        UUID colour = colour(unique("Guarded open"));
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);
        Moved half = new Moved(productWithRule(colour, "100.00", "50.00", later, null), "100.00", "50.00");
        Moved belowHalf = new Moved(productWithRule(colour, "100.00", "49.99", later, null), "100.00", "49.99");

        runTheJobWithSaleWindowsMoved("sale_start_date", half, belowHalf);

        assertOnlyTheBoundIsRecorded(output, colour, half, belowHalf);
    }

    @Test
    void aSaleWindowThatClosesAboveOneAndAHalfTimesThePriceIsLoggedButNotRecorded(CapturedOutput output) {
        UUID colour = colour(unique("Guarded close"));
        Instant earlier = Instant.now().minus(1, ChronoUnit.HOURS);
        Instant end = Instant.now().plus(1, ChronoUnit.HOURS);
        Moved oneAndAHalf = new Moved(productWithRule(colour, "150.00", "100.00", earlier, end), "100.00", "150.00");
        Moved above = new Moved(productWithRule(colour, "150.01", "100.00", earlier, end), "100.00", "150.01");
        assertEveryReadCharges(above.product(), colour, "100.00");

        runTheJobWithSaleWindowsMoved("sale_end_date", oneAndAHalf, above);

        assertOnlyTheBoundIsRecorded(output, colour, oneAndAHalf, above);
        job.run();
        assertThat(recordedBySystem(above.product())).isZero();
    }

    /** A product whose rule price the job moves {@code from} one price {@code to} another. */
    private record Moved(UUID product, String from, String to) {
    }

    /** {@code column} of both products' rules set to a minute ago: their sale windows opened or closed. */
    private void runTheJobWithSaleWindowsMoved(String column, Moved atBound, Moved beyond) {
        jdbc.sql("UPDATE pricing_rules SET " + column + " = now() - interval '1 minute' WHERE product_id IN (?, ?)")
                .params(atBound.product(), beyond.product()).update();
        job.run();
    }

    private void assertOnlyTheBoundIsRecorded(CapturedOutput output, UUID colour, Moved atBound, Moved beyond) {
        assertThat(recordedBySystem(atBound.product())).isEqualTo(1);
        assertThat(recordedBySystem(beyond.product())).isZero();
        assertThat(output).contains("product " + beyond.product() + " ")
                .contains("from £" + beyond.from() + " to £" + beyond.to())
                .doesNotContain("product " + atBound.product() + " ");
        assertEveryReadCharges(beyond.product(), colour, beyond.to());
        assertEveryReadCharges(atBound.product(), colour, atBound.to());
    }

    private UUID productWithRule(UUID colour, String base, String sale, Instant saleStart, Instant saleEnd) {
        UUID productId = product(productBody(unique("Guarded"), List.of(colour)));
        var rule = body("productId", productId, "basePrice", new BigDecimal(base), "salePrice", new BigDecimal(sale),
                "saleStartDate", saleStart.toString());
        if (saleEnd != null) {
            rule.put("saleEndDate", saleEnd.toString());
        }
        Reply created = admin().post("/v1/pricing", rule);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return productId;
    }

    /** price_history rows and product.price.changed events the job wrote for the product (changed by system). */
    private long recordedBySystem(UUID productId) {
        long history = jdbc.sql("SELECT count(*) FROM price_history WHERE product_id = ? AND changed_by = 'system'")
                .param(productId).query(Long.class).single();
        long events = jdbc.sql("""
                        SELECT count(*) FROM outbox WHERE topic = 'product.price.changed' AND aggregate_id = ?
                           AND payload::text LIKE '%sale window%'""")
                .param(productId.toString()).query(Long.class).single();
        assertThat(events).isEqualTo(history);
        return history;
    }

    /** The card of the listing, the detail and checkout's price check agree on the price charged. */
    private void assertEveryReadCharges(UUID productId, UUID colour, String price) {
        JsonNode detail = api().get("/v1/products/" + productId).data();
        JsonNode card = null;
        for (JsonNode candidate : api().get("/v1/products?filter[colour]=" + colour).data()) {
            if (candidate.get("id").asString().equals(productId.toString())) {
                card = candidate;
            }
        }
        assertThat(card).as("card of " + productId).isNotNull();
        Reply check = api().post("/internal/v1/products/price-check",
                body("items", List.of(body("productId", productId, "quantity", 1))));
        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        assertThat(charged(detail)).isEqualByComparingTo(price);
        assertThat(charged(card)).isEqualByComparingTo(price);
        assertThat(check.data().get("items").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo(price);
    }

    private static BigDecimal charged(JsonNode priced) {
        JsonNode sale = priced.get("salePrice");
        return (sale == null || sale.isNull() ? priced.get("price") : sale).decimalValue();
    }
}
