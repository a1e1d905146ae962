package uk.co.lomashwood.product.offer;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Packages (FR1.6): display-only bundles with a VAT-inclusive price, inactive ones only for ADMIN. */
class PackagesTest extends ProductIntegrationTest {

    private Map<String, Object> packageBody(String slug) {
        return body("title", "Complete kitchen", "slug", slug, "description", "Units, worktops and fitting.",
                "image", "https://media.lomashwood.test/pkg.jpg", "price", 7999.99, "category", "KITCHEN",
                "features", List.of("Soft-close doors", "Fitting included"), "sortOrder", 1);
    }

    @Test
    void aPackageShowsItsPriceWithVatAndAnInactiveOneIsHiddenFromThePublic() {
        String slug = "pkg-" + UUID.randomUUID();
        Reply created = admin().post("/v1/packages", packageBody(slug));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.data().get("id").asString());
        Reply bySlug = api().get("/v1/packages/slug/" + slug);
        assertThat(bySlug.data().get("priceIncVat").decimalValue()).isEqualByComparingTo("9599.99");
        assertThat(bySlug.data().get("features").size()).isEqualTo(2);
        assertThat(api().get("/v1/packages?category=KITCHEN&limit=100").data().findValuesAsString("slug")).contains(slug);

        assertThat(admin().patch("/v1/packages/" + id, body("active", false)).status()).isEqualTo(200);
        assertThat(api().get("/v1/packages/" + id).code()).isEqualTo("PACKAGE_NOT_FOUND");
        assertThat(admin().get("/v1/packages/" + id).status()).isEqualTo(200);
        assertThat(admin().delete("/v1/packages/" + id).status()).isEqualTo(204);
        assertThat(admin().get("/v1/packages/" + id).code()).isEqualTo("PACKAGE_NOT_FOUND");
    }

    @Test
    void badPackagesAreRefused() {
        String slug = "pkg-" + UUID.randomUUID();
        admin().post("/v1/packages", packageBody(slug));
        assertThat(admin().post("/v1/packages", packageBody(slug)).code()).isEqualTo("SLUG_ALREADY_EXISTS");
        Map<String, Object> tooMany = packageBody("pkg-" + UUID.randomUUID());
        tooMany.put("features", java.util.Collections.nCopies(21, "x"));
        assertThat(admin().post("/v1/packages", tooMany).status()).isEqualTo(400);
        assertThat(admin().patch("/v1/packages/" + UUID.randomUUID(), body("title", "x")).code())
                .isEqualTo("PACKAGE_NOT_FOUND");
        assertThat(api().get("/v1/packages?category=GARDEN").status()).isEqualTo(400);
    }
}
