package uk.co.lomashwood.product.web;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.product.support.ProductIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every public read answers 200 with its envelope; taxonomy lists show counts of published products. */
class PublicReadsTest extends ProductIntegrationTest {

    @Test
    void taxonomyAndCatalogueReadsAnswerWithTheirEnvelopes() {
        UUID colour = colour(unique("Public"));
        UUID range = range(unique("Public"), "BEDROOM");
        Reply category = admin().post("/v1/categories", body("name", unique("Wardrobes"), "slug", "w-" + UUID.randomUUID(),
                "type", "BEDROOM"));
        UUID categoryId = UUID.fromString(category.data().get("id").asString());
        UUID product = product(productBody(unique("Public wardrobe"), List.of(colour), "category", "BEDROOM",
                "rangeId", range, "categoryId", categoryId, "slug", "public-" + colour));

        for (String path : List.of("/v1/colours", "/v1/colours?q=Public&sortBy=name&sortOrder=desc&category=BEDROOM",
                "/v1/colours/" + colour, "/v1/categories", "/v1/categories?type=BEDROOM&sortBy=newest&search=Ward",
                "/v1/categories/hierarchy?type=BEDROOM", "/v1/categories/" + categoryId,
                "/v1/categories/" + categoryId + "/products?sort=title", "/v1/ranges?category=BEDROOM",
                "/v1/products/filter-options?category=BEDROOM", "/v1/products/featured", "/v1/products/popular?limit=5",
                "/v1/products/slug/public-" + colour, "/v1/products?category=BEDROOM&page=1&limit=5")) {
            Reply reply = api().get(path);
            assertThat(reply.status()).as(path + " → " + reply).isEqualTo(200);
            assertThat(reply.json().has("data")).as(path).isTrue();
        }
        assertThat(api().get("/v1/colours/" + colour).data().get("productCount").asInt()).isEqualTo(1);
        assertThat(api().get("/v1/categories/" + categoryId + "/products").data().get(0).get("id").asString())
                .isEqualTo(product.toString());
        assertThat(api().get("/v1/categories/" + categoryId + "/products").json().get("meta").get("category")
                .get("id").asString()).isEqualTo(categoryId.toString());
        assertThat(api().get("/v1/ranges?category=BEDROOM").data().toString()).contains(range.toString());
        assertThat(api().get("/v1/products/filter-options?category=BEDROOM").data().get("colours").toString())
                .contains(colour.toString());
        assertThat(api().get("/v1/categories?isActive=false").status()).isEqualTo(400);
        assertThat(api().get("/v1/colours?sortBy=hue").status()).isEqualTo(400);
    }
}
