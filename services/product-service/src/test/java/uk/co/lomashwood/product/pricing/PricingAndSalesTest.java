package uk.co.lomashwood.product.pricing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pricing rules and sales change what checkout is charged (price-check) and what the catalogue shows, at
 * once: the cached detail and list pages are invalidated by every pricing or sale write.
 */
class PricingAndSalesTest extends ProductIntegrationTest {

    private UUID colourId;
    private UUID productId;

    @BeforeEach
    void data() {
        colourId = colour(unique("Pricing"));
        productId = product(productBody(unique("Priced kitchen"), List.of(colourId), "price", 1000.00));
    }

    private JsonNode priceCheck(UUID product, int quantity) {
        Reply reply = api().post("/internal/v1/products/price-check", body("items", List.of(
                body("productId", product, "quantity", quantity))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().get("items").get(0);
    }

    private Reply createRule(Object... fields) {
        Map<String, Object> body = body("productId", productId, "basePrice", 800.00);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return admin().post("/v1/pricing", body);
    }

    private Map<String, Object> saleBody(Object... fields) {
        Map<String, Object> body = body("title", unique("Spring sale"), "slug", "sale-" + UUID.randomUUID(),
                "description", "Ten percent off.", "image", "https://media.lomashwood.test/sale.jpg",
                "startDate", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "endDate", Instant.now().plus(7, ChronoUnit.DAYS).toString(),
                "discountType", "PERCENTAGE", "discountPercent", 10, "productIds", List.of(productId));
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    @Test
    void aPricingRuleSetsWhatCheckoutChargesWithItsOwnVatRate() {
        assertThat(priceCheck(productId, 1).get("unitPrice").decimalValue()).isEqualByComparingTo("1000.00");
        Reply rule = createRule("taxRate", 5, "minOrderQuantity", 2, "maxOrderQuantity", 3);
        assertThat(api().get("/v1/products/" + productId).data().get("pricing").get("taxRate").decimalValue())
                .isEqualByComparingTo("5.00");
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        assertThat(rule.data().get("finalPrice").decimalValue()).isEqualByComparingTo("800.00");

        JsonNode line = priceCheck(productId, 2);
        assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(line.get("unitPriceIncVat").decimalValue()).isEqualByComparingTo("840.00");
        assertThat(line.get("taxRate").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(line.get("minOrderQuantity").asInt()).isEqualTo(2);
        assertThat(priceCheck(productId, 1).get("reason").asString()).isEqualTo("BELOW_MIN_ORDER_QUANTITY");
        assertThat(priceCheck(productId, 4).get("reason").asString()).isEqualTo("ABOVE_MAX_ORDER_QUANTITY");

        assertThat(createRule().code()).isEqualTo("PRICING_ALREADY_EXISTS");
    }

    @Test
    void aDiscountOnTheRuleLowersTheCachedDetailListAndPriceCheckAtOnce() {
        UUID ruleId = UUID.fromString(createRule().data().get("id").asString());
        assertThat(api().get("/v1/products/" + productId).data().get("onSale").asBoolean()).isFalse();
        String list = "/v1/products?filter[colour]=" + colourId;
        assertThat(api().get(list).data().get(0).get("onSale").asBoolean()).isFalse();

        Reply discounted = admin().post("/v1/pricing/" + ruleId + "/apply-discount", body("discountPercentage", 25));
        assertThat(discounted.status()).as(discounted.toString()).isEqualTo(200);
        assertThat(discounted.data().get("salePrice").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(discounted.data().get("isOnSale").asBoolean()).isTrue();

        JsonNode detail = api().get("/v1/products/" + productId).data();
        assertThat(detail.get("salePrice").decimalValue()).isEqualByComparingTo("600.00");
        JsonNode onSale = api().get("/v1/pricing/active-sales?category=KITCHEN").data();
        assertThat(onSale.findValuesAsString("id")).contains(ruleId.toString());
        assertThat(onSale.get(0).get("costPrice").isNull()).isTrue();
        assertThat(detail.get("salePriceIncVat").decimalValue()).isEqualByComparingTo("720.00");
        assertThat(api().get(list).data().get(0).get("salePrice").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(priceCheck(productId, 1).get("unitPrice").decimalValue()).isEqualByComparingTo("600.00");

        assertThat(admin().post("/v1/pricing/" + ruleId + "/apply-discount", body("discountAmount", 800)).code())
                .isEqualTo("INVALID_DISCOUNT");
        assertThat(admin().post("/v1/pricing/" + ruleId + "/remove-discount", null).status()).isEqualTo(200);
        assertThat(priceCheck(productId, 1).get("unitPrice").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(api().get("/v1/products/" + productId).data().get("onSale").asBoolean()).isFalse();

        assertThat(api().get("/v1/pricing/active-sales?category=KITCHEN").data().findValuesAsString("id"))
                .doesNotContain(ruleId.toString());
        Reply comparison = api().get("/v1/pricing/product/" + productId + "/comparison");
        assertThat(comparison.data().get("lowestPrice").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(api().get("/v1/pricing/product/" + UUID.randomUUID() + "/comparison").code())
                .isEqualTo("PRODUCT_NOT_FOUND");
        Reply history = admin().get("/v1/pricing/" + ruleId + "/history");
        assertThat(history.data().findValuesAsString("priceType")).contains("BASE", "SALE");
        long events = jdbc.sql("SELECT count(*) FROM outbox WHERE topic = 'product.price.changed' AND aggregate_id = ?")
                .param(productId.toString()).query(Long.class).single();
        assertThat(events).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCurrentSaleDiscountsItsProductsAndDeletingItRestoresThePrice() {
        api().get("/v1/products/" + productId);
        Reply sale = admin().post("/v1/sales", saleBody());
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        UUID saleId = UUID.fromString(sale.data().get("id").asString());
        assertThat(sale.data().get("productIds").get(0).asString()).isEqualTo(productId.toString());

        assertThat(priceCheck(productId, 1).get("unitPrice").decimalValue()).isEqualByComparingTo("900.00");
        assertThat(api().get("/v1/products/" + productId).data().get("salePrice").decimalValue())
                .isEqualByComparingTo("900.00");
        assertThat(api().get("/v1/products?filter[colour]=" + colourId + "&maxPrice=950").data().size()).isEqualTo(1);
        JsonNode detail = api().get("/v1/products/" + productId).data();
        assertThat(detail.get("sales").get(0).get("id").asString()).isEqualTo(saleId.toString());
        assertThat(api().get("/v1/sales/" + saleId).data().get("products").get(0).get("id").asString())
                .isEqualTo(productId.toString());
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE topic = 'product.sale.created' AND aggregate_id = ?")
                .param(saleId.toString()).query(Long.class).single()).isEqualTo(1);

        // a rule's own lower sale price beats the sale; discounts never stack
        createRule("basePrice", 1000.00, "salePrice", 850.00);
        assertThat(priceCheck(productId, 1).get("unitPrice").decimalValue()).isEqualByComparingTo("850.00");

        assertThat(admin().patch("/v1/sales/" + saleId, body("discountPercent", 20)).status()).isEqualTo(200);
        assertThat(priceCheck(productId, 1).get("unitPrice").decimalValue()).isEqualByComparingTo("800.00");

        assertThat(admin().delete("/v1/sales/" + saleId).status()).isEqualTo(204);
        assertThat(priceCheck(productId, 1).get("unitPrice").decimalValue()).isEqualByComparingTo("850.00");
        assertThat(api().get("/v1/sales/" + saleId).code()).isEqualTo("SALE_NOT_FOUND");
    }

    @Test
    void aFutureSaleIsHiddenFromThePublicAndDoesNotChangeThePriceYet() {
        Reply sale = admin().post("/v1/sales", saleBody("startDate", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        UUID saleId = UUID.fromString(sale.data().get("id").asString());
        assertThat(priceCheck(productId, 1).get("unitPrice").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(api().get("/v1/sales/" + saleId).code()).isEqualTo("SALE_NOT_FOUND");
        assertThat(admin().get("/v1/sales/" + saleId).status()).isEqualTo(200);
        assertThat(api().get("/v1/sales?state=upcoming").status()).isEqualTo(400);
    }

    @Test
    void aProductCanBeLinkedToASaleThroughItsSaleIds() {
        UUID saleId = UUID.fromString(admin().post("/v1/sales", saleBody()).data().get("id").asString());
        UUID other = product(productBody(unique("Linked"), List.of(colourId), "price", 500.00,
                "saleIds", List.of(saleId)));
        assertThat(priceCheck(other, 1).get("unitPrice").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(admin().post("/v1/products", productBody("x", List.of(colourId), "saleIds",
                List.of(UUID.randomUUID()))).code()).isEqualTo("SALE_NOT_FOUND");
    }

    @Test
    void rulesAreListedDuplicatedAndDeleted() {
        UUID ruleId = UUID.fromString(createRule("costPrice", 300).data().get("id").asString());
        UUID target = product(productBody(unique("Copy target"), List.of(colourId)));
        Reply copy = admin().post("/v1/pricing/" + ruleId + "/duplicate", body("targetProductId", target));
        assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
        assertThat(priceCheck(target, 1).get("unitPrice").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(admin().post("/v1/pricing/" + ruleId + "/duplicate", body("targetProductId", target)).code())
                .isEqualTo("PRICING_ALREADY_EXISTS");

        Reply list = admin().get("/v1/pricing?productId=" + productId);
        assertThat(list.data().get(0).get("costPrice").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(list.json().get("pagination").get("total").asLong()).isEqualTo(1);
        assertThat(api().get("/v1/pricing/product/" + productId).data().get(0).get("costPrice").isNull()).isTrue();
        assertThat(admin().get("/v1/pricing/stats").data().get("totalRules").asLong()).isGreaterThanOrEqualTo(2);

        Reply bulk = admin().post("/v1/pricing/bulk-update", body("updates", List.of(
                body("id", ruleId.toString(), "basePrice", 700.00), body("id", UUID.randomUUID().toString(), "basePrice", 1),
                body("id", ruleId.toString(), "salePrice", 900.00))));
        assertThat(bulk.data().get("updatedCount").asInt()).isEqualTo(1);
        assertThat(bulk.data().findValuesAsString("error")).containsExactly("PRICING_NOT_FOUND", "VALIDATION_ERROR");
        assertThat(priceCheck(productId, 1).get("unitPrice").decimalValue()).isEqualByComparingTo("700.00");

        String etag = admin().get("/v1/pricing/" + ruleId).header("ETag");
        assertThat(admin().with("If-Match", etag).patch("/v1/pricing/" + ruleId, body("basePrice", 650)).status())
                .isEqualTo(200);
        assertThat(admin().with("If-Match", etag).patch("/v1/pricing/" + ruleId, body("basePrice", 640)).code())
                .isEqualTo("PRECONDITION_FAILED");

        assertThat(admin().delete("/v1/pricing/" + ruleId).status()).isEqualTo(204);
        assertThat(priceCheck(productId, 1).get("unitPrice").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(admin().get("/v1/pricing/" + ruleId).code()).isEqualTo("PRICING_NOT_FOUND");
    }

    @Test
    void displayOnlyPricesAreNotOrderableAndCalculateQuotesTheCurrentPrice() {
        createRule("pricingType", "STARTING_FROM");
        assertThat(priceCheck(productId, 1).get("reason").asString()).isEqualTo("CONSULTATION_REQUIRED");
        Reply quote = api().post("/v1/pricing/calculate", body("productId", productId, "quantity", 2));
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        assertThat(quote.data().get("subtotal").decimalValue()).isEqualByComparingTo("1600.00");
        assertThat(quote.data().get("total").decimalValue()).isEqualByComparingTo("1920.00");
    }

    @Test
    void badPricingAndSaleInputIsRefusedWithTheSpecCodes() {
        assertThat(createRule("salePrice", 900).status()).isEqualTo(400);
        assertThat(createRule("pricingType", "RANGE").status()).isEqualTo(400);
        assertThat(createRule("basePrice", 0).status()).isEqualTo(400);
        assertThat(createRule("basePrice", 10.001).status()).isEqualTo(400);
        assertThat(createRule("taxRate", 101).status()).isEqualTo(400);
        assertThat(createRule("saleStartDate", "2026-01-02T00:00:00Z", "saleEndDate", "2026-01-01T00:00:00Z").status())
                .isEqualTo(400);
        assertThat(createRule("variantId", UUID.randomUUID()).status()).isEqualTo(400);
        assertThat(admin().post("/v1/pricing", body("productId", UUID.randomUUID(), "basePrice", 5)).code())
                .isEqualTo("PRODUCT_NOT_FOUND");
        UUID ruleId = UUID.fromString(createRule().data().get("id").asString());
        assertThat(admin().patch("/v1/pricing/" + ruleId, body("productId", UUID.randomUUID())).status()).isEqualTo(400);
        assertThat(admin().patch("/v1/pricing/" + ruleId, body("basePrice", null)).status()).isEqualTo(400);
        assertThat(admin().post("/v1/pricing/" + ruleId + "/apply-discount", body()).status()).isEqualTo(400);
        assertThat(admin().post("/v1/pricing/" + ruleId + "/apply-discount",
                body("discountPercentage", 10, "discountAmount", 5)).status()).isEqualTo(400);
        assertThat(admin().patch("/v1/pricing/" + UUID.randomUUID(), body("basePrice", 5)).code())
                .isEqualTo("PRICING_NOT_FOUND");

        assertThat(admin().post("/v1/sales", saleBody("endDate", Instant.now().minus(2, ChronoUnit.DAYS).toString()))
                .status()).isEqualTo(400);
        assertThat(admin().post("/v1/sales", saleBody("discountType", "FIXED_AMOUNT")).status()).isEqualTo(400);
        assertThat(admin().post("/v1/sales", saleBody("productIds", List.of(UUID.randomUUID()))).code())
                .isEqualTo("PRODUCT_NOT_FOUND");
        Map<String, Object> first = saleBody();
        admin().post("/v1/sales", first);
        assertThat(admin().post("/v1/sales", saleBody("slug", first.get("slug"))).code()).isEqualTo("SLUG_ALREADY_EXISTS");
        assertThat(admin().patch("/v1/sales/" + UUID.randomUUID(), body("title", "x")).code()).isEqualTo("SALE_NOT_FOUND");
    }
}
