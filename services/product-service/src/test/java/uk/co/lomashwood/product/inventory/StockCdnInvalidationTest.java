package uk.co.lomashwood.product.inventory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.product.support.ProductIntegrationTest;
import uk.co.lomashwood.product.support.RecordingCdn;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product's availability flipping between in stock (IN_STOCK / LOW_STOCK) and OUT_OF_STOCK invalidates its
 * CloudFront paths after commit (spec 20 §1.7); a change that leaves it on the same side does not.
 */
class StockCdnInvalidationTest extends ProductIntegrationTest {

    @Autowired
    RecordingCdn cdn;
    @Autowired
    StockAdministration administration;
    @Autowired
    SyncInventoryJob job;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theLastUnitsReservedAndCommittedInvalidateTheProductOnce() {
        UUID product = product(productBody(unique("Last edge"), List.of(colour(unique("Last edge")))));
        restock(product, null, 2);

        cdn.forget();
        UUID order = UUID.randomUUID();
        assertThat(reserve(order, product, 2).status()).isEqualTo(201);
        assertThat(cdn.paths()).containsAll(pathsOf(product));

        cdn.forget();
        assertThat(api().post("/internal/v1/inventory/reservations/" + order + "/commit", null).status())
                .isEqualTo(200);
        assertThat(cdn.paths()).as("already out of stock").doesNotContainAnyElementsOf(pathsOf(product));
        assertThat(availability(product)).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void aReleaseOrAnAdminRestockBackInStockInvalidatesTheProduct() {
        UUID product = product(productBody(unique("Back edge"), List.of(colour(unique("Back edge")))));
        restock(product, null, 3);
        UUID order = UUID.randomUUID();
        assertThat(reserve(order, product, 3).status()).isEqualTo(201);

        cdn.forget();
        assertThat(api().post("/internal/v1/inventory/reservations/" + order + "/release", null).status())
                .isEqualTo(200);
        assertThat(cdn.paths()).containsAll(pathsOf(product));

        Reply writeOff = admin().post("/v1/inventory/decrement", body("productId", product, "quantity", 3,
                "type", "DAMAGE"));
        assertThat(writeOff.status()).as(writeOff.toString()).isEqualTo(200);
        cdn.forget();
        restock(product, null, 20);
        assertThat(cdn.paths()).containsAll(pathsOf(product));
        assertThat(availability(product)).isEqualTo("IN_STOCK");
    }

    @Test
    void deletingTheLastInStockRowInvalidatesTheProduct() {
        UUID product = product(productBody(unique("Gone edge"), List.of(colour(unique("Gone edge")))));
        restock(product, null, 5);
        List<String> paths = pathsOf(product);

        cdn.forget();
        assertThat(admin().delete("/v1/inventory/" + rows(product).get(0)).status()).isEqualTo(204);
        assertThat(cdn.paths()).containsAll(paths);
        assertThat(availability(product)).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void aStockChangeThatStaysInStockInvalidatesNothing() {
        UUID product = product(productBody(unique("Stays edge"), List.of(colour(unique("Stays edge")))));
        restock(product, null, 15);

        cdn.forget();
        assertThat(reserve(UUID.randomUUID(), product, 1).status()).isEqualTo(201);
        assertThat(reserve(UUID.randomUUID(), product, 10).status()).as("IN_STOCK to LOW_STOCK").isEqualTo(201);
        restock(product, null, 1);
        UUID row = rows(product).get(0);
        assertThat(admin().patch("/v1/inventory/" + row, body("quantity", 40)).status()).isEqualTo(200);
        assertThat(availability(product)).isEqualTo("IN_STOCK");
        assertThat(cdn.paths()).doesNotContainAnyElementsOf(pathsOf(product));
    }

    @Test
    void aProductIsOutOfStockOnlyWhenEveryRowIs() {
        UUID product = product(productBody(unique("Sized edge"), List.of(colour(unique("Sized edge"))),
                "sizes", List.of(body("title", "500 mm"), body("title", "600 mm"))));
        List<UUID> variants = variants(product);
        restock(product, variants.get(0), 1);
        restock(product, variants.get(1), 1);

        cdn.forget();
        assertThat(reserve(UUID.randomUUID(), product, variants.get(0), 1).status()).isEqualTo(201);
        assertThat(cdn.paths()).as("the other size is still in stock").doesNotContainAnyElementsOf(pathsOf(product));

        assertThat(reserve(UUID.randomUUID(), product, variants.get(1), 1).status()).isEqualTo(201);
        assertThat(cdn.paths()).containsAll(pathsOf(product));
    }

    @Test
    void aFailedOrRolledBackStockWriteInvalidatesNothing() {
        UUID product = product(productBody(unique("Undone edge"), List.of(colour(unique("Undone edge")))));

        cdn.forget();
        UUID admin = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            administration.increment(product, null, 30, "delivery", admin);
            status.setRollbackOnly();
        });
        assertThat(availability(product)).isEqualTo("OUT_OF_STOCK");
        assertThat(cdn.paths()).doesNotContainAnyElementsOf(pathsOf(product));

        restock(product, null, 2);
        cdn.forget();
        assertThat(reserve(UUID.randomUUID(), product, 3).code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(cdn.paths()).doesNotContainAnyElementsOf(pathsOf(product));
    }

    @Test
    void theSyncJobCorrectingADriftedStatusAcrossTheBoundaryInvalidatesTheProduct() {
        UUID product = product(productBody(unique("Drift edge"), List.of(colour(unique("Drift edge")))));
        restock(product, null, 50);
        jdbc.sql("UPDATE inventory SET quantity = 0 WHERE product_id = ?").param(product).update();

        cdn.forget();
        job.run();
        assertThat(cdn.paths()).containsAll(pathsOf(product));
        assertThat(availability(product)).isEqualTo("OUT_OF_STOCK");
    }

    private List<String> pathsOf(UUID product) {
        String slug = api().get("/v1/products/" + product).data().get("slug").asString();
        return List.of("/v1/products/" + product, "/v1/products/slug/" + slug);
    }

    private String availability(UUID product) {
        return api().get("/v1/products/" + product).data().get("availability").asString();
    }

    private void restock(UUID product, UUID variant, int quantity) {
        Reply restock = admin().post("/v1/inventory/increment", body("productId", product, "variantId", variant,
                "quantity", quantity));
        assertThat(restock.status()).as(restock.toString()).isEqualTo(200);
    }

    private List<UUID> rows(UUID product) {
        return admin().get("/v1/inventory/product/" + product).data().valueStream()
                .map(row -> UUID.fromString(row.get("id").asString())).toList();
    }

    private List<UUID> variants(UUID product) {
        return admin().get("/v1/inventory/product/" + product).data().valueStream()
                .map(row -> row.get("variantId")).filter(JsonNode::isString)
                .map(id -> UUID.fromString(id.asString())).toList();
    }

    private Reply reserve(UUID order, UUID product, int quantity) {
        return reserve(order, product, null, quantity);
    }

    private Reply reserve(UUID order, UUID product, UUID variant, int quantity) {
        return api().post("/internal/v1/inventory/reservations", body("orderId", order,
                "expiresAt", Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                "items", List.of(body("productId", product, "variantId", variant, "quantity", quantity))));
    }
}
