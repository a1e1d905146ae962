package uk.co.lomashwood.product.cache;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.product.pricing.Repricing;
import uk.co.lomashwood.product.support.HeldTableLock;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code product:pricing:{productId}:{variantId or base}} (spec 20 §1.7): checkout's price inputs are served from
 * Redis for 1800 s and every pricing, sale or product price write drops them, so a write is charged at once.
 */
class PricingCacheTest extends ProductIntegrationTest {

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Repricing repricing;

    private BigDecimal unitPrice(UUID product, UUID variant) {
        Map<String, Object> item = body("productId", product, "quantity", 1);
        if (variant != null) {
            item.put("variantId", variant);
        }
        Reply reply = api().post("/internal/v1/products/price-check", body("items", List.of(item)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().get("items").get(0).get("unitPrice").decimalValue();
    }

    /** A change behind the service's back (not a write through it) stays invisible while the entry lives. */
    private void changePriceBehindTheServicesBack(UUID product, long pence) {
        jdbc.sql("UPDATE products SET price = ? WHERE id = ?").params(pence, product).update();
    }

    private Map<String, Object> sale(Instant start, UUID product) {
        return body("title", unique("Cached sale"), "slug", "cached-sale-" + UUID.randomUUID(),
                "description", "A fifth off.", "image", "https://media.lomashwood.test/sale.jpg",
                "startDate", start.toString(), "endDate", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "discountType", "PERCENTAGE", "discountPercent", 20, "productIds", List.of(product));
    }

    @Test
    void priceInputsAreCachedPerProductForHalfAnHour() {
        UUID product = product(productBody(unique("Cached price"), List.of(colour(unique("Cached price"))),
                "price", 1000.00));
        assertThat(unitPrice(product, null)).isEqualByComparingTo("1000.00");

        String key = "product:pricing:" + product + ":base";
        assertThat(redis.hasKey(key)).isTrue();
        assertThat(redis.getExpire(key, TimeUnit.SECONDS)).isBetween(1700L, 1800L);
        changePriceBehindTheServicesBack(product, 50_000);
        assertThat(unitPrice(product, null)).isEqualByComparingTo("1000.00");
    }

    @Test
    void pricingRuleWritesReachCheckoutAtOnceForTheProductAndItsVariants() {
        UUID product = product(productBody(unique("Sized price"), List.of(colour(unique("Sized price"))),
                "price", 1000.00, "sizes", List.of(body("title", "600 mm", "width", 600))));
        UUID variant = UUID.fromString(api().get("/v1/products/" + product).data().get("sizes").get(0).get("id")
                .asString());
        assertThat(unitPrice(product, variant)).isEqualByComparingTo("1000.00");
        assertThat(redis.hasKey("product:pricing:" + product + ":" + variant)).isTrue();

        Reply rule = admin().post("/v1/pricing", body("productId", product, "basePrice", 800.00));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        assertThat(unitPrice(product, variant)).isEqualByComparingTo("800.00");
        UUID ruleId = UUID.fromString(rule.data().get("id").asString());

        assertThat(admin().post("/v1/pricing/" + ruleId + "/apply-discount", body("discountPercentage", 25)).status())
                .isEqualTo(200);
        assertThat(unitPrice(product, variant)).isEqualByComparingTo("600.00");
        assertThat(unitPrice(product, null)).isEqualByComparingTo("600.00");

        assertThat(admin().delete("/v1/pricing/" + ruleId).status()).isEqualTo(204);
        assertThat(unitPrice(product, variant)).isEqualByComparingTo("1000.00");
    }

    /** Also: dropping a size without stock history removes the variant (it used to fail on the stock row's key). */
    @Test
    void aRemovedVariantLosesItsCachedPrice() {
        UUID product = product(productBody(unique("Shrinking"), List.of(colour(unique("Shrinking"))),
                "sizes", List.of(body("title", "500 mm"), body("title", "600 mm"))));
        JsonNode sizes = api().get("/v1/products/" + product).data().get("sizes");
        UUID removed = UUID.fromString(sizes.get(1).get("id").asString());
        unitPrice(product, removed);
        assertThat(redis.hasKey("product:pricing:" + product + ":" + removed)).isTrue();

        Reply patched = admin().patch("/v1/products/" + product, body("sizes", List.of(body("title", "500 mm"))));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(redis.hasKey("product:pricing:" + product + ":" + removed)).isFalse();
        assertThat(api().get("/v1/products/" + product).data().get("sizes").size()).isEqualTo(1);
    }

    @Test
    void saleWritesAndProductPriceChangesReachCheckoutAtOnce() {
        UUID product = product(productBody(unique("Sale price"), List.of(colour(unique("Sale price"))),
                "price", 1000.00));
        assertThat(unitPrice(product, null)).isEqualByComparingTo("1000.00");

        Reply sale = admin().post("/v1/sales", sale(Instant.now().minus(1, ChronoUnit.HOURS), product));
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        assertThat(unitPrice(product, null)).isEqualByComparingTo("800.00");
        UUID saleId = UUID.fromString(sale.data().get("id").asString());

        assertThat(admin().patch("/v1/sales/" + saleId, body("discountPercent", 50)).status()).isEqualTo(200);
        assertThat(unitPrice(product, null)).isEqualByComparingTo("500.00");

        assertThat(admin().patch("/v1/products/" + product, body("price", 2000.00)).status()).isEqualTo(200);
        assertThat(unitPrice(product, null)).isEqualByComparingTo("1000.00");

        assertThat(admin().delete("/v1/sales/" + saleId).status()).isEqualTo(204);
        assertThat(unitPrice(product, null)).isEqualByComparingTo("2000.00");
    }

    /**
     * The race of a cache miss with a write: the reader loads the old inputs, the write commits and invalidates, then
     * the reader fills the cache. Its fill must not be stored, or the old price is charged for the whole 1800 s.
     * The reader is held between its reads of the product and of the sales by a table lock on {@code sales}.
     */
    @Test
    void aFillLoadedBeforeAPriceWriteCommittedIsNotCachedAfterIt() throws Exception {
        UUID product = product(productBody(unique("Raced price"), List.of(colour(unique("Raced price"))),
                "price", 1000.00));
        redis.delete("product:pricing:" + product + ":base");
        CompletableFuture<BigDecimal> reader;
        try (HeldTableLock sales = HeldTableLock.on(dataSource, "sales")) {
            reader = CompletableFuture.supplyAsync(() -> unitPrice(product, null));
            sales.awaitABlockedQuery(jdbc, "s.discount_type IS NOT NULL");

            transaction.executeWithoutResult(status -> {
                changePriceBehindTheServicesBack(product, 200_000);
                repricing.invalidate(List.of(product));
            });
        }
        assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualByComparingTo("1000.00");

        assertThat(unitPrice(product, null)).isEqualByComparingTo("2000.00");
    }

    @Test
    void aSaleThatOpensWhileTheInputsAreCachedIsChargedWithoutAnyWrite() throws InterruptedException {
        UUID product = product(productBody(unique("Opening sale"), List.of(colour(unique("Opening sale"))),
                "price", 1000.00));
        Instant start = Instant.now().plusSeconds(2);
        assertThat(admin().post("/v1/sales", sale(start, product)).status()).isEqualTo(201);
        assertThat(unitPrice(product, null)).isEqualByComparingTo("1000.00");
        assertThat(redis.hasKey("product:pricing:" + product + ":base")).isTrue();

        Thread.sleep(Math.max(0, start.toEpochMilli() - System.currentTimeMillis()) + 200);
        assertThat(unitPrice(product, null)).isEqualByComparingTo("800.00");
    }

    @Test
    void aDeletedProductIsNoLongerQuoted() {
        UUID product = product(productBody(unique("Deleted price"), List.of(colour(unique("Deleted price")))));
        JsonNode quote = api().post("/v1/pricing/calculate", body("productId", product)).data();
        assertThat(quote.get("finalPrice").decimalValue()).isEqualByComparingTo("4999.50");

        assertThat(admin().delete("/v1/products/" + product).status()).isEqualTo(204);
        assertThat(api().post("/v1/pricing/calculate", body("productId", product)).code())
                .isEqualTo("PRODUCT_NOT_FOUND");
    }
}
