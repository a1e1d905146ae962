package uk.co.lomashwood.product.cache;

import uk.co.lomashwood.platform.test.http.HttpCalls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Cached detail and list pages never outlive a change to the product (spec 20 §1.7). */
class CacheInvalidationTest extends ProductIntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void anUpdateIsVisibleAtOnceInDetailSlugAndListReads() {
        UUID colour = colour(unique("Cached"));
        UUID id = product(productBody(unique("Before"), List.of(colour), "slug", "cached-" + colour));
        String list = "/v1/products?filter[colour]=" + colour;
        assertThat(api().get("/v1/products/" + id).data().get("title").asString()).startsWith("Before");
        assertThat(api().get("/v1/products/slug/cached-" + colour).status()).isEqualTo(200);
        assertThat(api().get(list).data().get(0).get("title").asString()).startsWith("Before");
        assertThat(redis.hasKey("product:detail:" + id)).isTrue();

        assertThat(admin().patch("/v1/products/" + id, body("title", "After", "price", 1234.56)).status()).isEqualTo(200);

        var detail = api().get("/v1/products/" + id).data();
        assertThat(detail.get("title").asString()).isEqualTo("After");
        assertThat(detail.get("price").decimalValue()).isEqualByComparingTo("1234.56");
        assertThat(detail.get("priceIncVat").decimalValue()).isEqualByComparingTo("1481.47");
        assertThat(api().get(list).data().get(0).get("title").asString()).isEqualTo("After");

        assertThat(admin().patch("/v1/products/" + id + "/status", body("status", "DRAFT")).status()).isEqualTo(200);
        assertThat(api().get("/v1/products/" + id).code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(api().get(list).data()).isEmpty();
    }

    @Test
    void aTaxonomyWriteDropsThatTaxonomysKeysOnly() {
        redis.opsForValue().set("product:colour:list:probe", "stale", java.time.Duration.ofMinutes(5));
        redis.opsForValue().set("product:range:list:probe", "kept", java.time.Duration.ofMinutes(5));
        colour(unique("Scanned"));
        assertThat(redis.hasKey("product:colour:list:probe")).isFalse();
        assertThat(redis.hasKey("product:range:list:probe")).isTrue();
        redis.delete("product:range:list:probe");
    }

    @Test
    void publicListsCarryAStrongEtagAndAnswer304WhileUnchanged() {
        UUID colour = colour(unique("Etag"));
        UUID id = product(productBody(unique("Etag"), List.of(colour)));
        String list = "/v1/products?filter[colour]=" + colour;
        var first = api().get(list);
        String etag = first.header("ETag");
        assertThat(first.header("Cache-Control")).contains("public").contains("max-age=60");
        assertThat(etag).startsWith("\"");
        assertThat(api().with("If-None-Match", etag).get(list).status()).isEqualTo(304);

        admin().patch("/v1/products/" + id, body("title", "Changed"));
        assertThat(api().with("If-None-Match", etag).get(list).status()).isEqualTo(200);
        assertThat(api().as("CUSTOMER").get(list).header("Cache-Control")).contains("no-store");
    }

    @Test
    void changesAreAnnouncedThroughTheOutbox() {
        UUID colour = colour(unique("Evented"));
        UUID id = product(productBody(unique("Evented"), List.of(colour)));
        admin().patch("/v1/products/" + id, body("title", "Renamed"));
        admin().patch("/v1/products/" + id + "/status", body("status", "DRAFT"));
        admin().delete("/v1/products/" + id);

        List<String> topics = jdbc.sql("SELECT topic FROM outbox WHERE aggregate_id = ? ORDER BY created_at, topic")
                .param(id.toString()).query(String.class).list();
        assertThat(topics).contains("product.created", "product.published", "product.updated", "product.unpublished",
                "product.deleted");
        String updated = jdbc.sql("SELECT payload::text FROM outbox WHERE aggregate_id = ? AND topic = 'product.updated' "
                + "ORDER BY created_at LIMIT 1").param(id.toString()).query(String.class).single();
        var data = HttpCalls.JSON.readTree(updated).get("data");
        UUID priced = product(productBody(unique("Priced"), List.of(colour)));
        admin().patch("/v1/products/" + priced, body("price", 5499.45));
        String price = jdbc.sql("SELECT payload::text FROM outbox WHERE aggregate_id = ? AND topic = 'product.price.changed'")
                .param(priced.toString()).query(String.class).single();
        var priceData = HttpCalls.JSON.readTree(price).get("data");
        assertThat(priceData.get("previousPrice").decimalValue()).isEqualByComparingTo("4999.50");
        assertThat(priceData.get("newPrice").decimalValue()).isEqualByComparingTo("5499.45");
        assertThat(priceData.get("changePercentage").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(priceData.get("isSignificant").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM price_history WHERE product_id = ?").param(priced).query(Long.class).single())
                .isEqualTo(1);
        assertThat(data.get("changedFields").toString()).isEqualTo("[\"title\"]");
        assertThat(data.get("changes").get(0).get("newValue").asString()).isEqualTo("Renamed");
    }
}
