package uk.co.lomashwood.product.support;

import uk.co.lomashwood.platform.test.http.ServiceCaller;
import uk.co.lomashwood.platform.test.http.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.test.PlatformTestProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every integration test: one shared Spring context on a random port against the JVM-wide
 * embedded PostgreSQL ({@code product_it}) and Redis. Tests keep their data apart with unique names and
 * by filtering on what they created (a unique colour or range per test). CDN invalidations go to a
 * {@link RecordingCdn}.
 */
@Import(RecordingCdn.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lomash.events.consumer.enabled=false", "lomash.demo.seed=false",
        "LOMASH_DATA_DIR=target/test-data", "lomash.media.public-base-url=http://localhost:3000/v1"})
public abstract class ProductIntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "product_it");
    }

    protected ServiceCaller api() {
        return new ServiceCaller(port);
    }

    protected ServiceCaller admin() {
        return api().as("ADMIN");
    }

    protected static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    protected static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    protected UUID colour(String name) {
        Reply reply = admin().post("/v1/colours", body("name", name, "hexCode", "#A1B2C3"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.data().get("id").asString());
    }

    protected UUID range(String name, String category) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO ranges (id, name, slug, category) VALUES (?, ?, ?, ?)")
                .params(id, name, "r-" + id, category).update();
        return id;
    }

    /** A product body; {@code extra} overrides or adds fields. */
    protected Map<String, Object> productBody(String title, List<UUID> colours, Object... extra) {
        Map<String, Object> body = body("title", title, "description", "A fitted " + title + ".", "category", "KITCHEN",
                "price", 4999.50, "status", "PUBLISHED", "style", "SHAKER", "finish", "MATT",
                "images", List.of(body("url", "https://media.lomashwood.test/" + UUID.randomUUID() + ".jpg",
                        "altText", title, "order", 0)),
                "colourIds", colours);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    protected UUID product(Map<String, Object> body) {
        Reply reply = admin().post("/v1/products", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.data().get("id").asString());
    }

    /** Follows nextCursor from the first page to the end and returns every id seen, in order. */
    protected List<UUID> scroll(String query, int limit) {
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 1000; guard++) {
            Reply page = api().get("/v1/products?" + query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.data().forEach(card -> seen.add(UUID.fromString(card.get("id").asString())));
            JsonNode next = page.json().get("pagination").get("nextCursor");
            if (next == null || next.isNull()) {
                return seen;
            }
            cursor = next.asString();
        }
        throw new AssertionError("scroll did not end");
    }
}
