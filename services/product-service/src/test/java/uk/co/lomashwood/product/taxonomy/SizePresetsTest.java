package uk.co.lomashwood.product.taxonomy;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Size presets (spec 20 §1.3 Sizes): unique names, public reads of active ones, in-use presets stay. */
class SizePresetsTest extends ProductIntegrationTest {

    private UUID size(String name) {
        Reply reply = admin().post("/v1/sizes", body("name", name, "width", 600, "height", 720, "depth", 560,
                "category", "KITCHEN"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.data().get("id").asString());
    }

    @Test
    void aPresetUsedByAVariantListsItsProductsAndCannotBeDeleted() {
        String name = unique("Base unit");
        UUID sizeId = size(name);
        assertThat(admin().post("/v1/sizes", body("name", name.toUpperCase())).code()).isEqualTo("SIZE_ALREADY_EXISTS");
        UUID productId = product(productBody(unique("Sized"), List.of(colour(unique("Sized"))), "sizes",
                List.of(body("title", "600 mm", "sizeId", sizeId, "width", 600))));

        Reply products = api().get("/v1/sizes/" + sizeId + "/products");
        assertThat(products.status()).as(products.toString()).isEqualTo(200);
        assertThat(products.data().get(0).get("id").asString()).isEqualTo(productId.toString());
        assertThat(api().get("/v1/sizes/" + sizeId).data().get("productCount").asLong()).isEqualTo(1);
        assertThat(admin().delete("/v1/sizes/" + sizeId).code()).isEqualTo("SIZE_IN_USE");

        UUID unused = size(unique("Wall unit"));
        Reply bulk = admin().post("/v1/sizes/bulk-delete", body("ids", List.of(unused, sizeId)));
        assertThat(bulk.data().get("successCount").asInt()).isEqualTo(1);
        assertThat(bulk.data().get("failed").get(0).get("error").asString()).isEqualTo("SIZE_IN_USE");
    }

    @Test
    void inactivePresetsAreHiddenFromThePublicAndBulkCreationReportsEachFailure() {
        String q = UUID.randomUUID().toString().substring(0, 8);
        UUID sizeId = size("Tall " + q);
        assertThat(admin().patch("/v1/sizes/" + sizeId + "/status", body("isActive", false)).status()).isEqualTo(200);
        assertThat(api().get("/v1/sizes/" + sizeId).code()).isEqualTo("SIZE_NOT_FOUND");
        assertThat(api().get("/v1/sizes?q=" + q).data().size()).isZero();
        assertThat(admin().get("/v1/sizes?q=" + q + "&isActive=false").data().size()).isEqualTo(1);
        assertThat(api().get("/v1/sizes?isActive=false").status()).isEqualTo(400);
        assertThat(admin().patch("/v1/sizes/" + sizeId, body("title", "Tall larder", "unit", "cm")).data()
                .get("unit").asString()).isEqualTo("cm");
        assertThat(admin().patch("/v1/sizes/" + sizeId, body("width", -1)).status()).isEqualTo(400);

        Reply bulk = admin().post("/v1/sizes/bulk", body("sizes", List.of(body("name", "Fresh " + q),
                body("name", "Tall " + q), body("name", ""))));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(201);
        assertThat(bulk.data().get("created").size()).isEqualTo(1);
        assertThat(bulk.data().findValuesAsString("error")).containsExactly("SIZE_ALREADY_EXISTS", "VALIDATION_ERROR");
    }

    /** SIZE_NOT_FOUND is a plain 404 code in the catalogue (spec 00 §1.9), unlike the "404 / 422" ones. */
    @Test
    void aVariantMayOnlyNameAnExistingPresetAsItsSizeId() {
        UUID colourId = colour(unique("Preset ref"));
        Reply unknown = admin().post("/v1/products", productBody(unique("Unknown preset"), List.of(colourId), "sizes",
                List.of(body("title", "600 mm", "sizeId", UUID.randomUUID()))));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("SIZE_NOT_FOUND");

        UUID deleted = size(unique("Retired unit"));
        assertThat(admin().delete("/v1/sizes/" + deleted).status()).isEqualTo(204);
        UUID productId = product(productBody(unique("Preset ref"), List.of(colourId)));
        Reply patched = admin().patch("/v1/products/" + productId, body("sizes",
                List.of(body("title", "600 mm", "sizeId", deleted))));
        assertThat(patched.status()).isEqualTo(404);
        assertThat(patched.code()).isEqualTo("SIZE_NOT_FOUND");
        assertThat(api().get("/v1/products/" + productId).data().get("sizes")).isEmpty();

        UUID live = size(unique("Live unit"));
        assertThat(admin().patch("/v1/products/" + productId, body("sizes",
                List.of(body("title", "600 mm", "sizeId", live)))).status()).isEqualTo(200);
        assertThat(api().get("/v1/sizes/" + live + "/products").data().get(0).get("id").asString())
                .isEqualTo(productId.toString());
    }
}
