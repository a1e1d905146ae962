package uk.co.lomashwood.product.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.co.lomashwood.product.support.ProductIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every write route answers malformed or invalid input with a 4xx problem, never a 500. */
class BadInputTest extends ProductIntegrationTest {

    private static final List<String> GENERIC = List.of("", "not json", "[]", "{", "null", "42", "{\"unknown\": 1}",
            "{\"title\": 5}", "{\"name\": null}", "{\"status\": \"LIVE\"}", "{\"price\": \"abc\"}",
            "{\"price\": 1e400}", "{\"colourIds\": [\"nope\"]}", "{\"quantity\": 1.5}",
            "{\"name\": \"" + "x".repeat(300) + "\"}");

    private UUID productId;
    private UUID categoryId;
    private UUID colourId;
    private UUID rangeId;

    @BeforeEach
    void data() {
        colourId = colour(unique("Bad input"));
        rangeId = range(unique("Bad input"), "KITCHEN");
        productId = product(productBody(unique("Bad input"), List.of(colourId)));
        Reply category = admin().post("/v1/categories", body("name", unique("Bad"), "slug", "bad-" + UUID.randomUUID(),
                "type", "KITCHEN"));
        categoryId = UUID.fromString(category.data().get("id").asString());
    }

    @Test
    void everyWriteRouteRefusesMalformedBodiesWithAProblem() {
        List<String[]> routes = List.of(
                new String[] {"POST", "/v1/products"},
                new String[] {"PATCH", "/v1/products/" + productId},
                new String[] {"PATCH", "/v1/products/" + productId + "/status"},
                new String[] {"PATCH", "/v1/products/" + productId + "/featured"},
                new String[] {"POST", "/v1/products/" + productId + "/colours"},
                new String[] {"POST", "/v1/categories"},
                new String[] {"PATCH", "/v1/categories/" + categoryId},
                new String[] {"POST", "/v1/colours"},
                new String[] {"PATCH", "/v1/colours/" + colourId},
                new String[] {"PATCH", "/v1/colours/" + colourId + "/status"},
                new String[] {"POST", "/internal/v1/products/price-check"},
                new String[] {"POST", "/internal/v1/products/lookup"},
                new String[] {"POST", "/internal/v1/inventory/reservations"},
                new String[] {"POST", "/v1/inventory/increment"},
                new String[] {"POST", "/v1/inventory/decrement"},
                new String[] {"POST", "/v1/products/images"},
                new String[] {"POST", "/v1/products/bulk-delete"},
                new String[] {"POST", "/v1/categories/reorder"},
                new String[] {"POST", "/v1/colours/bulk"},
                new String[] {"POST", "/v1/ranges"},
                new String[] {"PATCH", "/v1/ranges/" + rangeId},
                new String[] {"POST", "/v1/categories/bulk-delete"},
                new String[] {"POST", "/v1/colours/bulk-delete"},
                new String[] {"POST", "/v1/inventory"},
                new String[] {"PATCH", "/v1/inventory/" + UUID.randomUUID()},
                new String[] {"POST", "/v1/pricing"},
                new String[] {"PATCH", "/v1/pricing/" + UUID.randomUUID()},
                new String[] {"POST", "/v1/pricing/bulk-update"},
                new String[] {"POST", "/v1/pricing/" + UUID.randomUUID() + "/apply-discount"},
                new String[] {"POST", "/v1/pricing/" + UUID.randomUUID() + "/duplicate"},
                new String[] {"POST", "/v1/pricing/calculate"},
                new String[] {"POST", "/v1/sales"},
                new String[] {"PATCH", "/v1/sales/" + UUID.randomUUID()},
                new String[] {"POST", "/v1/sizes"},
                new String[] {"POST", "/v1/sizes/bulk"},
                new String[] {"POST", "/v1/sizes/bulk-delete"},
                new String[] {"PATCH", "/v1/sizes/" + UUID.randomUUID()},
                new String[] {"PATCH", "/v1/sizes/" + UUID.randomUUID() + "/status"},
                new String[] {"POST", "/v1/packages"},
                new String[] {"PATCH", "/v1/packages/" + UUID.randomUUID()});
        List<String> failures = new ArrayList<>();
        for (String[] route : routes) {
            for (String bad : GENERIC) {
                Reply reply = admin().send(route[0], route[1], bad);
                if (reply.status() < 400 || reply.status() >= 500
                        || !reply.header("Content-Type").contains("application/problem+json")) {
                    failures.add(route[0] + " " + route[1] + " <- " + abbreviate(bad) + " => " + abbreviate(reply.toString()));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void semanticallyInvalidProductsAreRefusedWithTheSpecCodes() {
        assertThat(admin().post("/v1/products", productBody("x", List.of(UUID.randomUUID()))).code())
                .isEqualTo("COLOUR_NOT_FOUND");
        assertThat(admin().post("/v1/products", productBody("x", List.of(colourId), "rangeId", UUID.randomUUID())).code())
                .isEqualTo("RANGE_NOT_FOUND");
        assertThat(admin().post("/v1/products", productBody("x", List.of(colourId), "categoryId", UUID.randomUUID())).code())
                .isEqualTo("CATEGORY_NOT_FOUND");
        assertThat(admin().post("/v1/products", productBody("x", List.of(colourId), "images", List.of())).status())
                .isEqualTo(400);
        assertThat(admin().post("/v1/products", productBody("x", List.of(colourId), "price", 10.001)).status())
                .isEqualTo(400);
        assertThat(admin().post("/v1/products", productBody("x", List.of(colourId), "slug", "Not A Slug")).status())
                .isEqualTo(400);
        String slug = "taken-" + UUID.randomUUID();
        product(productBody("y", List.of(colourId), "slug", slug));
        assertThat(admin().post("/v1/products", productBody("z", List.of(colourId), "slug", slug)).code())
                .isEqualTo("SLUG_ALREADY_EXISTS");
        assertThat(admin().patch("/v1/products/" + productId, body("title", null)).status()).isEqualTo(400);
        assertThat(admin().patch("/v1/products/" + productId, body("images", List.of())).status()).isEqualTo(400);
        assertThat(admin().patch("/v1/products/" + UUID.randomUUID(), body("title", "t")).code())
                .isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(admin().send("PATCH", "/v1/products/not-a-uuid", "{}").status()).isEqualTo(400);
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        Reply current = admin().get("/v1/products/" + productId);
        String etag = current.header("ETag");
        assertThat(admin().with("If-Match", etag).patch("/v1/products/" + productId, body("title", "New")).status())
                .isEqualTo(200);
        assertThat(admin().with("If-Match", etag).patch("/v1/products/" + productId, body("title", "Newer")).code())
                .isEqualTo("PRECONDITION_FAILED");
    }

    @Test
    void colourAndCategoryRulesAreEnforced() {
        String name = unique("Dup");
        colour(name);
        assertThat(admin().post("/v1/colours", body("name", name.toUpperCase(), "hexCode", "#fff")).code())
                .isEqualTo("COLOUR_ALREADY_EXISTS");
        assertThat(admin().delete("/v1/colours/" + colourId).code()).isEqualTo("COLOUR_IN_USE");
        UUID unused = colour(unique("Unused"));
        Reply bulk = admin().post("/v1/colours/bulk-delete", body("ids", List.of(unused, colourId)));
        assertThat(bulk.data().get("successCount").asInt()).isEqualTo(1);
        assertThat(bulk.data().get("failed").get(0).get("error").asString()).isEqualTo("COLOUR_IN_USE");
        Reply shortHex = admin().post("/v1/colours", body("name", unique("Short"), "hexCode", "#abc"));
        assertThat(shortHex.data().get("hexCode").asString()).isEqualTo("#AABBCC");

        UUID child = UUID.fromString(admin().post("/v1/categories", body("name", unique("Child"),
                "slug", "c-" + UUID.randomUUID(), "type", "KITCHEN", "parentId", categoryId)).data().get("id").asString());
        UUID grandchild = UUID.fromString(admin().post("/v1/categories", body("name", unique("Grandchild"),
                "slug", "g-" + UUID.randomUUID(), "type", "KITCHEN", "parentId", child)).data().get("id").asString());
        assertThat(admin().post("/v1/categories", body("name", unique("Too deep"), "slug", "d-" + UUID.randomUUID(),
                "type", "KITCHEN", "parentId", grandchild)).code()).isEqualTo("CATEGORY_MAX_DEPTH_EXCEEDED");
        assertThat(admin().patch("/v1/categories/" + categoryId, body("parentId", grandchild)).code())
                .isEqualTo("CATEGORY_INVALID_PARENT");
        assertThat(admin().delete("/v1/categories/" + categoryId).code()).isEqualTo("CATEGORY_HAS_CHILDREN");
    }

    @Test
    void bulkColoursReportEachFailureAndReorderIsAllOrNothing() {
        String taken = unique("Taken");
        colour(taken);
        Reply bulk = admin().post("/v1/colours/bulk", body("colours", List.of(
                body("name", unique("Fresh"), "hexCode", "#123456"),
                body("name", taken, "hexCode", "#654321"),
                body("name", "", "hexCode", "nope"))));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(201);
        assertThat(bulk.data().get("created").size()).isEqualTo(1);
        assertThat(bulk.data().get("failed").get(0).get("error").asString()).isEqualTo("COLOUR_ALREADY_EXISTS");
        assertThat(bulk.data().get("failed").get(1).get("error").asString()).isEqualTo("VALIDATION_ERROR");

        assertThat(admin().post("/v1/categories/reorder", body("categoryOrders", List.of(body("id", categoryId, "order", 9876),
                body("id", UUID.randomUUID(), "order", 1)))).code()).isEqualTo("CATEGORY_NOT_FOUND");
        assertThat(admin().get("/v1/categories/" + categoryId).data().get("order").asInt()).isNotEqualTo(9876);
        assertThat(admin().post("/v1/categories/reorder", body("categoryOrders", List.of(body("id", categoryId,
                "order", 9876)))).status()).isEqualTo(204);
        assertThat(admin().get("/v1/categories/" + categoryId).data().get("order").asInt()).isEqualTo(9876);
    }

    @Test
    void renamingARangeRenamesItOnItsProductsAndARangeInUseCannotGo() {
        UUID inRange = product(productBody(unique("Ranged"), List.of(colourId), "rangeId", rangeId));
        String name = unique("Renamed");
        Reply renamed = admin().patch("/v1/ranges/" + rangeId, body("name", name));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(api().get("/v1/products/" + inRange).data().get("rangeName").asString()).isEqualTo(name);
        assertThat(admin().delete("/v1/ranges/" + rangeId).code()).isEqualTo("RANGE_IN_USE");
        Reply created = admin().post("/v1/ranges", body("name", name, "slug", "dup-" + UUID.randomUUID(),
                "category", "KITCHEN"));
        assertThat(created.code()).isEqualTo("RANGE_ALREADY_EXISTS");
    }

    @Test
    void publishingNeedsAnImageAndAColour() {
        UUID draft = product(productBody(unique("Draft"), List.of(colourId), "status", "DRAFT"));
        jdbc.sql("DELETE FROM product_images WHERE product_id = ?").param(draft).update();
        Reply reply = admin().patch("/v1/products/" + draft + "/status", body("status", "PUBLISHED"));
        assertThat(reply.code()).isEqualTo("PRODUCT_NOT_PUBLISHABLE");
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
