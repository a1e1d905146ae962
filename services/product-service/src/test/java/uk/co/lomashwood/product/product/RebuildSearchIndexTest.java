package uk.co.lomashwood.product.product;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** rebuild-search-index (spec 20 §1.6): a product whose colour name changed behind its vector is found by it again. */
class RebuildSearchIndexTest extends ProductIntegrationTest {

    @Autowired
    RebuildSearchIndex job;

    @Test
    void aStaleSearchVectorIsRecomputedAndTheProductIsFoundByItsNewColourName() {
        StringBuilder word = new StringBuilder("zq");
        UUID.randomUUID().toString().substring(0, 8).chars().forEach(c -> word.append((char) ('g' + c % 20)));
        UUID colour = colour(unique("Stale"));
        UUID product = product(productBody(unique("Indexed"), List.of(colour)));
        jdbc.sql("UPDATE colours SET name = ? WHERE id = ?").params("Heritage " + word, colour).update();
        assertThat(api().get("/v1/products?q=" + word).data()).isEmpty();

        assertThat(job.rebuild()).isGreaterThanOrEqualTo(1);

        assertThat(api().get("/v1/products?q=" + word).data().valueStream().map(card -> card.get("id").asString()))
                .containsExactly(product.toString());
        assertThat(job.rebuild()).isZero();
    }
}
