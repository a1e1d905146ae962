package uk.co.lomashwood.product.offer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sale that links no products covers its whole category (spec 20 §1.4.3 step 3): the category's products show
 * the discount on cards, detail, filters and checkout, and the sale page lists them. The sale is BEDROOM-wide and
 * deleted at the end, so the other test classes sharing the database never see it.
 */
class CategorySaleTest extends ProductIntegrationTest {

    private JsonNode card(UUID colour, UUID product) {
        for (JsonNode card : api().get("/v1/products?filter[colour]=" + colour + "&limit=100").data()) {
            if (card.get("id").asString().equals(product.toString())) {
                return card;
            }
        }
        throw new AssertionError("no card for " + product);
    }

    private static List<String> ids(JsonNode cards) {
        return cards.valueStream().map(card -> card.get("id").asString()).toList();
    }

    private BigDecimal unitPrice(UUID product) {
        Reply reply = api().post("/internal/v1/products/price-check", body("items", List.of(
                body("productId", product, "quantity", 1))));
        return reply.data().get("items").get(0).get("unitPrice").decimalValue();
    }

    @Test
    void aCategoryWideSaleDiscountsEveryProductOfTheCategoryAndListsThemOnTheSalePage() {
        UUID colour = colour(unique("Category sale"));
        UUID wardrobe = product(productBody(unique("Sale wardrobe"), List.of(colour), "category", "BEDROOM",
                "price", 1000.00));
        UUID kitchen = product(productBody(unique("Sale kitchen"), List.of(colour), "price", 1000.00));
        api().get("/v1/products/" + wardrobe);
        api().get("/v1/products?filter[colour]=" + colour + "&limit=100");

        Reply created = admin().post("/v1/sales", body("title", unique("Bedroom week"), "slug",
                "bedroom-week-" + UUID.randomUUID(), "description", "A tenth off every bedroom.",
                "image", "https://media.lomashwood.test/bedroom.jpg",
                "startDate", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "endDate", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "discountType", "PERCENTAGE", "discountPercent", 10, "category", "BEDROOM"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID saleId = UUID.fromString(created.data().get("id").asString());
        try {
            assertThat(card(colour, wardrobe).get("salePrice").decimalValue()).isEqualByComparingTo("900.00");
            assertThat(card(colour, wardrobe).get("onSale").asBoolean()).isTrue();
            assertThat(card(colour, kitchen).get("onSale").asBoolean()).isFalse();
            assertThat(ids(api().get("/v1/products?filter[colour]=" + colour + "&maxPrice=950").data()))
                    .containsExactly(wardrobe.toString());
            assertThat(ids(api().get("/v1/products/" + wardrobe).data().get("sales")))
                    .contains(saleId.toString());
            assertThat(unitPrice(wardrobe)).isEqualByComparingTo("900.00");
            assertThat(unitPrice(kitchen)).isEqualByComparingTo("1000.00");

            UUID later = product(productBody(unique("Later wardrobe"), List.of(colour), "category", "BEDROOM",
                    "price", 500.00));
            assertThat(card(colour, later).get("salePrice").decimalValue()).isEqualByComparingTo("450.00");
            assertThat(admin().patch("/v1/products/" + kitchen, body("category", "BEDROOM")).status()).isEqualTo(200);
            assertThat(card(colour, kitchen).get("salePrice").decimalValue()).isEqualByComparingTo("900.00");

            JsonNode sale = api().get("/v1/sales/" + saleId).data();
            assertThat(sale.get("productIds")).isEmpty();
            assertThat(ids(sale.get("products")))
                    .contains(wardrobe.toString(), later.toString(), kitchen.toString());
            assertThat(sale.get("products").valueStream().map(card -> card.get("category").asString()))
                    .containsOnly("BEDROOM");
            assertThat(ids(api().get("/v1/sales/slug/" + sale.get("slug").asString()).data().get("products")))
                    .contains(wardrobe.toString());
        } finally {
            assertThat(admin().delete("/v1/sales/" + saleId).status()).isEqualTo(204);
        }
        assertThat(card(colour, wardrobe).get("onSale").asBoolean()).isFalse();
        assertThat(unitPrice(wardrobe)).isEqualByComparingTo("1000.00");
    }
}
