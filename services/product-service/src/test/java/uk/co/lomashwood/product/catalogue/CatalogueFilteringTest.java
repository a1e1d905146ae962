package uk.co.lomashwood.product.catalogue;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.product.support.ProductIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /v1/products: OR within a filter, AND across filters, search, price bounds and keyset scrolling. */
class CatalogueFilteringTest extends ProductIntegrationTest {

    @Test
    void valuesInsideAFilterAreOredAndFiltersAreAnded() {
        UUID white = colour(unique("White"));
        UUID cream = colour(unique("Cream"));
        UUID navy = colour(unique("Navy"));
        UUID whiteShaker = product(productBody(unique("White shaker"), List.of(white), "style", "SHAKER"));
        UUID creamShaker = product(productBody(unique("Cream shaker"), List.of(cream, navy), "style", "SHAKER"));
        UUID whiteModern = product(productBody(unique("White modern"), List.of(white), "style", "MODERN"));
        UUID navyShaker = product(productBody(unique("Navy shaker"), List.of(navy), "style", "SHAKER"));
        UUID creamRustic = product(productBody(unique("Cream rustic"), List.of(cream), "style", "RUSTIC"));

        assertThat(ids("filter[colour]=" + white + "," + cream))
                .containsExactlyInAnyOrder(whiteShaker, creamShaker, whiteModern, creamRustic);
        assertThat(ids("filter[colour]=" + white + "," + cream + "&filter[style]=shaker"))
                .containsExactlyInAnyOrder(whiteShaker, creamShaker);
        assertThat(ids("filter[colour]=" + white + "," + cream + "," + navy + "&filter[style]=SHAKER,rustic"))
                .containsExactlyInAnyOrder(whiteShaker, creamShaker, navyShaker, creamRustic);
        assertThat(ids("filter[colour]=" + navy + "&filter[style]=MODERN")).isEmpty();
    }

    @Test
    void rangeCategoryFinishAndPriceBoundsNarrowTheList() {
        UUID colour = colour(unique("Oak"));
        UUID hampton = range(unique("Hampton"), "KITCHEN");
        UUID cheap = product(productBody(unique("Cheap"), List.of(colour), "rangeId", hampton, "price", 999.99));
        UUID dear = product(productBody(unique("Dear"), List.of(colour), "rangeId", hampton, "price", 12000,
                "finish", "GLOSS"));
        UUID bedroom = product(productBody(unique("Wardrobe"), List.of(colour), "category", "BEDROOM", "price", 1500));
        product(productBody(unique("On request"), List.of(colour), "price", null));

        String c = "filter[colour]=" + colour;
        assertThat(ids(c + "&filter[range]=" + hampton)).containsExactlyInAnyOrder(cheap, dear);
        assertThat(ids(c + "&category=BEDROOM")).containsExactly(bedroom);
        assertThat(ids(c + "&filter[finish]=gloss")).containsExactly(dear);
        assertThat(ids(c + "&minPrice=999.99&maxPrice=1500")).containsExactlyInAnyOrder(cheap, bedroom);
    }

    @Test
    void draftsAndDeletedProductsAreInvisibleToShoppers() {
        UUID colour = colour(unique("Ash"));
        UUID published = product(productBody(unique("Live"), List.of(colour)));
        UUID draft = product(productBody(unique("Draft"), List.of(colour), "status", "DRAFT"));
        UUID deleted = product(productBody(unique("Gone"), List.of(colour)));
        assertThat(admin().delete("/v1/products/" + deleted).status()).isEqualTo(204);

        assertThat(ids("filter[colour]=" + colour)).containsExactly(published);
        assertThat(api().get("/v1/products/" + draft).code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(admin().get("/v1/products?filter[colour]=" + colour + "&status=DRAFT").data()
                .get(0).get("id").asString()).isEqualTo(draft.toString());
    }

    @Test
    void freeTextMatchesTitlesRangeAndColourNamesAndToleratesTypos() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        UUID colour = colour(unique("Birch"));
        UUID match = product(productBody("Marlow " + word + " island kitchen", List.of(colour)));
        product(productBody(unique("Something else"), List.of(colour)));

        assertThat(ids("q=" + word)).containsExactly(match);
        assertThat(ids("q=" + word.substring(0, word.length() - 1) + "q")).contains(match);
    }

    @Test
    void scrollingVisitsEveryMatchingProductExactlyOnceWhileProductsAreInserted() {
        UUID colour = colour(unique("Linen"));
        List<UUID> created = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            created.add(product(productBody(unique("Scroll " + i), List.of(colour), "price", 1000 + (i % 5) * 100)));
        }
        int late = 0;
        for (String sort : List.of("-createdAt", "effectivePrice", "-effectivePrice", "title", "-title", "-viewCount")) {
            List<UUID> seen = new java.util.ArrayList<>();
            String cursor = null;
            int page = 0;
            do {
                Reply reply = api().get("/v1/products?filter[colour]=" + colour + "&sort=" + sort + "&limit=5"
                        + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                if (page == 0) {
                    assertThat(reply.json().get("meta").get("total").asLong()).isEqualTo(23 + late);
                } else {
                    assertThat(reply.json().has("meta")).isFalse();
                }
                reply.data().forEach(card -> seen.add(UUID.fromString(card.get("id").asString())));
                if (page == 1 && sort.equals("-createdAt")) {
                    // inserted behind the cursor (newer than everything seen): never shown, never shifts the scroll
                    product(productBody(unique("Late"), List.of(colour)));
                    late++;
                }
                var next = reply.json().get("pagination").get("nextCursor");
                cursor = next == null || next.isNull() ? null : next.asString();
                page++;
            } while (cursor != null);
            assertThat(seen).as(sort).hasSize(new HashSet<>(seen).size());
            assertThat(seen).as(sort).containsAll(created);
        }
    }

    @Test
    void aCursorReplayedWithOtherFiltersIsRefused() {
        UUID colour = colour(unique("Clay"));
        for (int i = 0; i < 3; i++) {
            product(productBody(unique("Clay " + i), List.of(colour)));
        }
        Reply first = api().get("/v1/products?filter[colour]=" + colour + "&limit=2");
        String cursor = first.json().get("pagination").get("nextCursor").asString();

        assertThat(api().get("/v1/products?filter[colour]=" + colour + "&limit=2&sort=title&cursor=" + cursor).code())
                .isEqualTo("INVALID_CURSOR");
        assertThat(api().get("/v1/products?category=BEDROOM&filter[colour]=" + colour + "&cursor=" + cursor).code())
                .isEqualTo("INVALID_CURSOR");
        assertThat(api().get("/v1/products?cursor=not-a-cursor").code()).isEqualTo("INVALID_CURSOR");
        assertThat(api().get("/v1/products?filter[colour]=" + colour + "&limit=2&cursor=" + cursor).status())
                .isEqualTo(200);
    }

    @Test
    void malformedListQueriesAre400() {
        for (String query : List.of("filter[colour]=nope", "filter[style]=GOTHIC", "filter[size]=x", "sort=price",
                "limit=0", "limit=101", "minPrice=-1", "minPrice=10&maxPrice=5", "q=a", "status=DRAFT",
                "cursor=abc&page=2", "minPrice=1.234", "featured=maybe")) {
            Reply reply = api().get("/v1/products?" + query);
            assertThat(reply.status()).as(query + " → " + reply).isEqualTo(400);
            assertThat(reply.header("Content-Type")).contains("application/problem+json");
        }
    }

    private List<UUID> ids(String query) {
        return scroll(query, 100);
    }
}
