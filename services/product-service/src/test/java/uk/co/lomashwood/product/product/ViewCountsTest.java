package uk.co.lomashwood.product.product;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Detail reads feed the popularity order after the flush; admin bulk delete reports what changed. */
class ViewCountsTest extends ProductIntegrationTest {

    @Autowired
    ViewCounts views;

    @Test
    void detailReadsAreCountedAndFlushedIntoThePopularityOrder() {
        UUID colour = colour(unique("Viewed"));
        UUID quiet = product(productBody(unique("Quiet"), List.of(colour)));
        UUID popular = product(productBody(unique("Popular"), List.of(colour)));
        for (int i = 0; i < 3; i++) {
            assertThat(api().get("/v1/products/" + popular).status()).isEqualTo(200);
        }

        views.flush();

        assertThat(jdbc.sql("SELECT view_count FROM products WHERE id = ?").param(popular).query(Integer.class).single())
                .isEqualTo(3);
        var ids = api().get("/v1/products?filter[colour]=" + colour + "&sort=-viewCount").data();
        assertThat(ids.get(0).get("id").asString()).isEqualTo(popular.toString());
        assertThat(ids.get(1).get("id").asString()).isEqualTo(quiet.toString());
    }

    @Test
    void featuredListsFollowTheAdminsSortOrder() {
        UUID colour = colour(unique("Featured"));
        UUID second = product(productBody(unique("Second"), List.of(colour), "featured", true, "sortOrder", 0,
                "category", "BEDROOM"));
        UUID first = product(productBody(unique("First"), List.of(colour), "featured", true, "sortOrder", 0,
                "category", "BEDROOM"));
        jdbc.sql("UPDATE products SET sort_order = -2 WHERE id = ?").param(first).update();
        jdbc.sql("UPDATE products SET sort_order = -1 WHERE id = ?").param(second).update();
        admin().patch("/v1/products/" + first + "/featured", body("featured", true));
        admin().patch("/v1/products/" + first + "/featured", body("featured", false));
        admin().patch("/v1/products/" + first + "/featured", body("featured", true));

        var cards = api().get("/v1/products/featured?category=BEDROOM&limit=20").data();
        assertThat(cards.get(0).get("id").asString()).isEqualTo(first.toString());
        assertThat(cards.get(1).get("id").asString()).isEqualTo(second.toString());
        assertThat(api().get("/v1/products?sort=sortOrder").status()).isEqualTo(400);
    }

    @Test
    void bulkDeleteCountsOnlyRowsThatChanged() {
        UUID colour = colour(unique("Bulk"));
        UUID a = product(productBody(unique("A"), List.of(colour)));
        UUID b = product(productBody(unique("B"), List.of(colour)));
        var reply = admin().post("/v1/products/bulk-delete", body("ids", List.of(a, b, a, UUID.randomUUID())));
        assertThat(reply.data().get("count").asInt()).isEqualTo(2);
        assertThat(scroll("filter[colour]=" + colour, 10)).isEmpty();
    }
}
