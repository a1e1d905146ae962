package uk.co.lomashwood.product.inventory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin create, patch, delete and list of stock rows (spec 20 §1.3 Inventory, §1.4.4). */
class InventoryAdministrationTest extends ProductIntegrationTest {

    private UUID productId;
    private UUID rowId;

    @BeforeEach
    void data() {
        productId = product(productBody(unique("Stocked"), List.of(colour(unique("Stock")))));
        rowId = UUID.fromString(admin().get("/v1/inventory/product/" + productId).data().get(0).get("id").asString());
    }

    @Test
    void aDeletedRowCanBeCreatedAgainButNotTwice() {
        assertThat(admin().post("/v1/inventory", body("productId", productId, "quantity", 3)).code())
                .isEqualTo("INVENTORY_ALREADY_EXISTS");
        assertThat(admin().delete("/v1/inventory/" + rowId).status()).isEqualTo(204);
        assertThat(admin().get("/v1/inventory/" + rowId).code()).isEqualTo("INVENTORY_NOT_FOUND");

        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = admin().post("/v1/inventory", body("productId", productId, "quantity", 30,
                "lowStockThreshold", 5, "warehouseLocation", "Bay 4", "sku", sku));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().get("status").asString()).isEqualTo("IN_STOCK");
        assertThat(created.data().get("sku").asString()).isEqualTo(sku);
        assertThat(api().get("/v1/products/" + productId).data().get("availability").asString()).isEqualTo("IN_STOCK");

        UUID other = product(productBody(unique("Other"), List.of(colour(unique("Other")))));
        UUID otherRow = UUID.fromString(admin().get("/v1/inventory/product/" + other).data().get(0).get("id").asString());
        assertThat(admin().patch("/v1/inventory/" + otherRow, body("sku", sku)).code()).isEqualTo("DUPLICATE_SKU");
        assertThat(admin().post("/v1/inventory", body("productId", UUID.randomUUID(), "quantity", 1)).code())
                .isEqualTo("PRODUCT_NOT_FOUND");
    }

    /** The row created with the product has no warehouse location; patching only its quantity used to answer 500. */
    @Test
    void theQuantityOfARowWithoutALocationCanBePatchedAlone() {
        Reply patched = admin().patch("/v1/inventory/" + rowId, body("quantity", 12));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.data().get("quantity").asInt()).isEqualTo(12);
        assertThat(api().get("/v1/products/" + productId).data().get("availability").asString()).isEqualTo("IN_STOCK");
    }

    @Test
    void onHandStockCannotDropBelowReservedAndReservedRowsCannotBeDeleted() {
        assertThat(admin().patch("/v1/inventory/" + rowId, body("quantity", 4, "warehouseLocation", "Aisle 2")).status())
                .isEqualTo(200);
        Reply reserve = api().post("/internal/v1/inventory/reservations", body("orderId", UUID.randomUUID(),
                "expiresAt", Instant.now().plusSeconds(3600).toString(),
                "items", List.of(body("productId", productId, "quantity", 3))));
        assertThat(reserve.status()).as(reserve.toString()).isEqualTo(201);

        assertThat(admin().patch("/v1/inventory/" + rowId, body("quantity", 2)).code()).isEqualTo("QUANTITY_BELOW_RESERVED");
        assertThat(admin().delete("/v1/inventory/" + rowId).code()).isEqualTo("CANNOT_DELETE_RESERVED");
        Reply lowered = admin().patch("/v1/inventory/" + rowId, body("quantity", 3, "lowStockThreshold", 0));
        assertThat(lowered.data().get("availableQuantity").asInt()).isZero();
        assertThat(lowered.data().get("status").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(lowered.data().get("warehouseLocation").asString()).isEqualTo("Aisle 2");

        Reply list = admin().get("/v1/inventory?productId=" + productId + "&search=aisle");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("pagination").get("total").asLong()).isEqualTo(1);
        assertThat(admin().get("/v1/inventory?sortBy=nope").status()).isEqualTo(400);
        assertThat(admin().get("/v1/inventory?status=GONE").status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM inventory_movements WHERE inventory_id = ? AND type = 'ADJUSTMENT'")
                .param(rowId).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badPatchesAreRefused() {
        for (Map<String, Object> bad : List.of(body(), body("quantity", -1), body("quantity", "3"),
                body("reservedQuantity", 1), body("lowStockThreshold", 10_001), body("sku", ""))) {
            assertThat(admin().patch("/v1/inventory/" + rowId, bad).status()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(admin().patch("/v1/inventory/" + UUID.randomUUID(), body("quantity", 1)).code())
                .isEqualTo("INVENTORY_NOT_FOUND");
    }
}
