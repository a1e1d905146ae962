package uk.co.lomashwood.product.cache;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.product.support.HeldTableLock;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code product:detail:{id}} and {@code product:detail:slug:{slug}} (spec 20 §1.7, 300 s) against the race of a
 * cache miss with a write: a reader that loaded the old state before the write committed must not store it after the
 * write's invalidation, or the old detail (or the old slug's product) is served for the whole TTL.
 */
class DetailCacheTest extends ProductIntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CatalogueCache cache;

    /** The rename as ProductAdministration commits it, without its image and size rewrites (tables held here). */
    private void renameAndInvalidateAfterCommit(UUID product, String title, String oldSlug, String newSlug) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE products SET title = ?, slug = ?, version = version + 1 WHERE id = ?")
                    .params(title, newSlug, product).update();
            AfterCommit.run(() -> cache.productChanged(product, oldSlug, newSlug));
        });
    }

    private String title(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().get("title").asString();
    }

    /** The reader is held by a lock on {@code product_sizes}, after it read the product row and before it fills. */
    @Test
    void aDetailLoadedBeforeAnUpdateCommittedIsNotCachedAfterIt() throws Exception {
        String before = unique("Raced detail");
        String oldSlug = "raced-detail-" + UUID.randomUUID();
        String newSlug = "renamed-detail-" + UUID.randomUUID();
        UUID product = product(productBody(before, List.of(colour(before)), "slug", oldSlug));
        CompletableFuture<Reply> reader;
        try (HeldTableLock sizes = HeldTableLock.on(dataSource, "product_sizes")) {
            reader = CompletableFuture.supplyAsync(() -> api().get("/v1/products/slug/" + oldSlug));
            sizes.awaitABlockedQuery(jdbc, "FROM product_sizes");

            renameAndInvalidateAfterCommit(product, "Renamed detail", oldSlug, newSlug);
        }
        assertThat(title(reader.get(30, TimeUnit.SECONDS))).isEqualTo(before);

        assertThat(title(api().get("/v1/products/" + product))).isEqualTo("Renamed detail");
        assertThat(title(api().get("/v1/products/slug/" + newSlug))).isEqualTo("Renamed detail");
        assertThat(api().get("/v1/products/slug/" + oldSlug).code()).isEqualTo("PRODUCT_NOT_FOUND");
    }

    /** The same race with a stock write through the API: the availability it flips is not hidden by an old fill. */
    @Test
    void aDetailLoadedBeforeAStockWriteCommittedIsNotCachedAfterIt() throws Exception {
        String title = unique("Raced stock");
        UUID product = product(productBody(title, List.of(colour(title))));
        UUID row = UUID.fromString(admin().get("/v1/inventory/product/" + product).data().get(0).get("id").asString());
        CompletableFuture<Reply> reader;
        try (HeldTableLock sizes = HeldTableLock.on(dataSource, "product_sizes")) {
            reader = CompletableFuture.supplyAsync(() -> api().get("/v1/products/" + product));
            sizes.awaitABlockedQuery(jdbc, "FROM product_sizes");

            Reply stocked = admin().patch("/v1/inventory/" + row, body("quantity", 40));
            assertThat(stocked.status()).as(stocked.toString()).isEqualTo(200);
        }
        assertThat(reader.get(30, TimeUnit.SECONDS).data().get("availability").asString()).isEqualTo("OUT_OF_STOCK");

        assertThat(api().get("/v1/products/" + product).data().get("availability").asString()).isEqualTo("IN_STOCK");
    }

    /**
     * The slug lookup is a single query, so no table lock can stop it before its fill: the rename is committed from
     * inside the lookup instead, exactly where a concurrent one would land.
     */
    @Test
    void aSlugResolvedBeforeARenameCommittedIsNotCachedAfterIt() {
        String title = unique("Raced slug");
        String oldSlug = "raced-slug-" + UUID.randomUUID();
        String newSlug = "renamed-slug-" + UUID.randomUUID();
        UUID product = product(productBody(title, List.of(colour(title)), "slug", oldSlug));

        String resolved = cache.productIdOfSlugOrLoad(oldSlug, () -> {
            String loadedBeforeTheRename = product.toString();
            renameAndInvalidateAfterCommit(product, title, oldSlug, newSlug);
            return loadedBeforeTheRename;
        });
        assertThat(resolved).isEqualTo(product.toString());

        assertThat(api().get("/v1/products/slug/" + oldSlug).code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(title(api().get("/v1/products/slug/" + newSlug))).isEqualTo(title);
    }

    /** A slug looked up before the product that takes it was created must not stay "no such product". */
    @Test
    void aMissingSlugLookedUpBeforeACreateCommittedIsNotCachedAfterIt() {
        String title = unique("Late slug");
        String slug = "late-slug-" + UUID.randomUUID();
        UUID[] created = new UUID[1];

        String resolved = cache.productIdOfSlugOrLoad(slug, () -> {
            created[0] = product(productBody(title, List.of(colour(title)), "slug", slug));
            return "";
        });
        assertThat(resolved).isEmpty();

        Reply bySlug = api().get("/v1/products/slug/" + slug);
        assertThat(title(bySlug)).isEqualTo(title);
        assertThat(bySlug.data().get("id").asString()).isEqualTo(created[0].toString());
    }
}
