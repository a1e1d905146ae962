package uk.co.lomashwood.product.product;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * purge-outdated-products (spec 20 §1.6): stale drafts and long-untouched products without stock are archived
 * (soft delete, announced by {@code system}); stocked, recently ordered or recently touched products stay.
 */
class PurgeOutdatedProductsTest extends ProductIntegrationTest {

    @Autowired
    PurgeOutdatedProducts job;

    private UUID product(String status, int untouchedDays) {
        UUID id = product(productBody(unique("Purge " + status), List.of(colour(unique("Purge"))), "status", status));
        jdbc.sql("UPDATE products SET updated_at = now() - make_interval(days => ?) WHERE id = ?")
                .params(untouchedDays, id).update();
        return id;
    }

    private void stock(UUID product, int quantity) {
        jdbc.sql("UPDATE inventory SET quantity = ? WHERE product_id = ?").params(quantity, product).update();
    }

    private boolean live(UUID product) {
        return jdbc.sql("SELECT count(*) FROM products WHERE id = ? AND deleted_at IS NULL").param(product)
                .query(Long.class).single() == 1;
    }

    private List<String> topics(UUID product) {
        return jdbc.sql("SELECT topic FROM outbox WHERE aggregate_id = ?").param(product.toString())
                .query(String.class).list();
    }

    @Test
    void staleDraftsAndLongUnstockedProductsAreArchivedAndTheRestStays() {
        UUID staleDraft = product("DRAFT", 400);
        stock(staleDraft, 5);
        UUID unstocked = product("PUBLISHED", 200);
        UUID stocked = product("PUBLISHED", 400);
        stock(stocked, 5);
        UUID ordered = product("DRAFT", 400);
        jdbc.sql("UPDATE products SET last_ordered_at = now() - interval '30 days' WHERE id = ?").param(ordered).update();
        UUID recentDraft = product("DRAFT", 100);
        UUID recentUnstocked = product("PUBLISHED", 100);

        assertThat(job.purge()).isGreaterThanOrEqualTo(2);

        assertThat(live(staleDraft)).isFalse();
        assertThat(live(unstocked)).isFalse();
        assertThat(live(stocked)).isTrue();
        assertThat(live(ordered)).isTrue();
        assertThat(live(recentDraft)).isTrue();
        assertThat(live(recentUnstocked)).isTrue();

        assertThat(jdbc.sql("SELECT status FROM products WHERE id = ?").param(unstocked).query(String.class).single())
                .isEqualTo("ARCHIVED");
        assertThat(api().get("/v1/products/" + unstocked).code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(topics(unstocked)).contains("product.unpublished", "product.deleted");
        String deleted = jdbc.sql("SELECT payload::text FROM outbox WHERE aggregate_id = ? AND topic = 'product.deleted'")
                .param(staleDraft.toString()).query(String.class).single();
        assertThat(deleted).contains("\"deletedBy\": \"system\"");
        assertThat(job.purge()).isZero();
    }
}
