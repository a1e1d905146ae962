package uk.co.lomashwood.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #4 as a shopper sees it, through the gateway only: the demo catalogue's filter options,
 * a listing with combined filters (colours OR-ed, styles OR-ed, AND across, one category) scrolled
 * with nextCursor to the end — every matching product exactly once — then a product's detail page.
 */
@ExtendWith(RunningPlatform.class)
class ProductCatalogueJourneyTest {

    private final Gateway gateway = RunningPlatform.gateway();

    @Test
    void combinedFiltersScrollToEveryMatchingKitchenExactlyOnce() throws Exception {
        Gateway.Reply options = gateway.get("/v1/products/filter-options?category=KITCHEN");
        assertThat(options.status()).as(options.raw()).isEqualTo(200);
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            colours.add(options.data().path("colours").get(i).path("id").asString());
        }
        Set<String> styles = Set.of("SHAKER", "HANDLELESS", "MODERN");

        List<JsonNode> everything = scroll("category=KITCHEN", 100);
        Set<String> expected = new HashSet<>();
        for (JsonNode card : everything) {
            boolean colourMatches = false;
            for (JsonNode colour : card.path("colours")) {
                colourMatches |= colours.contains(colour.path("id").asString());
            }
            if (colourMatches && styles.contains(card.path("style").asString())) {
                expected.add(card.path("id").asString());
            }
        }
        assertThat(everything).hasSizeGreaterThan(30);
        assertThat(expected).isNotEmpty();

        String query = "category=KITCHEN&filter%5Bcolour%5D=" + String.join(",", colours)
                + "&filter%5Bstyle%5D=shaker,handleless,modern";
        Gateway.Reply first = gateway.get("/v1/products?" + query + "&limit=4");
        assertThat(first.json().path("meta").path("total").asLong()).isEqualTo(expected.size());
        List<JsonNode> scrolled = scroll(query, 4);
        List<String> ids = scrolled.stream().map(c -> c.path("id").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(expected);
        for (JsonNode card : scrolled) {
            assertThat(card.path("category").asString()).isEqualTo("KITCHEN");
            assertThat(card.path("priceIncVat").decimalValue())
                    .isEqualByComparingTo(card.path("price").decimalValue().multiply(new java.math.BigDecimal("1.2"))
                            .setScale(2, java.math.RoundingMode.HALF_UP));
        }
    }

    @Test
    void aProductPageShowsImagesColoursSizesPricesAndStock() throws Exception {
        JsonNode card = gateway.get("/v1/products?category=BEDROOM&sort=-effectivePrice&limit=1").data().get(0);
        Gateway.Reply detail = gateway.get("/v1/products/slug/" + card.path("slug").asString());
        assertThat(detail.status()).as(detail.raw()).isEqualTo(200);
        JsonNode product = detail.data();
        assertThat(product.path("images").size()).isPositive();
        assertThat(product.path("colours").size()).isPositive();
        assertThat(product.path("sizes").size()).isEqualTo(3);
        assertThat(product.path("availability").asString()).isIn("IN_STOCK", "LOW_STOCK", "OUT_OF_STOCK");
        assertThat(product.path("currency").asString()).isEqualTo("GBP");

        String imagePath = java.net.URI.create(product.path("images").get(0).path("url").asString()).getPath();
        Gateway.Reply image = gateway.get(imagePath);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");

        assertThat(gateway.get("/v1/ranges?category=BEDROOM").data().size()).isGreaterThanOrEqualTo(4);
        assertThat(gateway.get("/v1/categories/hierarchy").data().size()).isGreaterThanOrEqualTo(2);
        assertThat(gateway.get("/v1/products/featured?category=KITCHEN").data().size()).isPositive();
        assertThat(gateway.get("/internal/v1/products/lookup").status()).isEqualTo(404);
    }

    private List<JsonNode> scroll(String query, int limit) throws Exception {
        List<JsonNode> cards = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 200; page++) {
            Gateway.Reply reply = gateway.get("/v1/products?" + query + "&limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            reply.data().forEach(cards::add);
            JsonNode next = reply.json().path("pagination").path("nextCursor");
            if (next.isNull() || next.isMissingNode()) {
                return cards;
            }
            cursor = next.asString();
        }
        throw new AssertionError("the scroll did not end");
    }
}
