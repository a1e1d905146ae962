package uk.co.lomashwood.product.offer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.product.support.ProductIntegrationTest;
import uk.co.lomashwood.product.support.RecordingCdn;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sale writes invalidate the sales pages and the covered products at the CDN after commit (spec 20 §1.7). */
class SaleCdnInvalidationTest extends ProductIntegrationTest {

    private static final String SALES = "/v1/sales*";

    @Autowired
    RecordingCdn cdn;
    @Autowired
    Sales sales;
    @Autowired
    TransactionTemplate transaction;

    private Map<String, Object> saleOf(UUID product) {
        return body("title", unique("Edge sale"), "slug", "edge-sale-" + UUID.randomUUID(),
                "description", "A tenth off.", "image", "https://media.lomashwood.test/edge.jpg",
                "startDate", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "endDate", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "discountType", "PERCENTAGE", "discountPercent", 10, "productIds", List.of(product));
    }

    private UUID createdSale(Map<String, Object> sale) {
        Reply created = admin().post("/v1/sales", sale);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.data().get("id").asString());
    }

    @Test
    void everySaleWriteInvalidatesTheSalesPagesAndTheProductsItCovers() {
        UUID product = product(productBody(unique("Edge"), List.of(colour(unique("Edge")))));
        String productPath = "/v1/products/" + product;

        cdn.forget();
        UUID sale = createdSale(saleOf(product));
        assertThat(cdn.paths()).contains(SALES, productPath);

        for (Map<String, Object> patch : List.of(body("title", "Renamed edge sale"), body("active", false),
                body("active", true))) {
            cdn.forget();
            Reply patched = admin().patch("/v1/sales/" + sale, patch);
            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            assertThat(cdn.paths()).as("after " + patch).contains(SALES, productPath);
        }

        cdn.forget();
        assertThat(admin().delete("/v1/sales/" + sale).status()).isEqualTo(204);
        assertThat(cdn.paths()).contains(SALES, productPath);
    }

    @Test
    void aFailedOrRolledBackSaleWriteInvalidatesNothing() {
        UUID product = product(productBody(unique("Edge kept"), List.of(colour(unique("Edge kept")))));
        Map<String, Object> first = saleOf(product);
        createdSale(first);
        UUID second = createdSale(saleOf(product));
        String productPath = "/v1/products/" + product;

        cdn.forget();
        Reply clash = admin().patch("/v1/sales/" + second, body("slug", first.get("slug")));
        assertThat(clash.code()).as(clash.toString()).isEqualTo("SLUG_ALREADY_EXISTS");
        assertThat(cdn.paths()).doesNotContain(SALES, productPath);

        transaction.executeWithoutResult(status -> {
            sales.patch(second, HttpCalls.JSON.readTree("{\"discountPercent\": 50}"), null);
            status.setRollbackOnly();
        });
        assertThat(cdn.paths()).doesNotContain(SALES, productPath);
        assertThat(admin().get("/v1/sales/" + second).data().get("discountPercent").decimalValue())
                .isEqualByComparingTo("10");
    }
}
