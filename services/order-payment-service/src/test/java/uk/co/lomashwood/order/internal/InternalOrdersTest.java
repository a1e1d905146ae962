package uk.co.lomashwood.order.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.order.order.OrderIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** customer-service's internal reads (spec 20 §2.3 internal endpoints). */
class InternalOrdersTest extends OrderIntegrationTest {

    @Test
    void listsAUsersOrderSummaries() {
        UUID user = UUID.randomUUID();
        UUID orderId = orderOf(user, "KITCHEN", "40.00", 3);
        orderOf(UUID.randomUUID(), "KITCHEN", "40.00", 1);

        Reply reply = api().get("/internal/v1/orders?userId=" + user);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data()).hasSize(1);
        JsonNode summary = reply.data().get(0);
        assertThat(summary.get("id").asString()).isEqualTo(orderId.toString());
        assertThat(summary.get("itemCount").asInt()).isEqualTo(3);
        assertThat(summary.get("currency").asString()).isEqualTo("GBP");
        assertThat(api().get("/internal/v1/orders?userId=" + user + "&status=COMPLETED").data()).isEmpty();
        assertThat(api().get("/internal/v1/orders").status()).isEqualTo(400);
        assertThat(api().get("/internal/v1/orders?userId=" + user + "&status=NOPE").status()).isEqualTo(400);
    }

    @Test
    void aPurchaseIsVerifiedOnlyByACompletedOrderWithTheProduct() {
        UUID user = UUID.randomUUID();
        UUID orderId = orderOf(user, "KITCHEN", "40.00", 1);
        UUID productId = jdbc.sql("SELECT product_id FROM order_items WHERE order_id = ?").param(orderId).query(UUID.class).single();
        String path = "/internal/v1/orders/verified-purchase?userId=" + user + "&productId=" + productId;

        assertThat(api().get(path).data().get("verified").asBoolean()).isFalse();
        jdbc.sql("UPDATE orders SET status = 'COMPLETED', completed_at = now() WHERE id = ?").param(orderId).update();
        Reply verified = api().get(path);
        assertThat(verified.data().get("verified").asBoolean()).isTrue();
        assertThat(verified.data().get("orderId").asString()).isEqualTo(orderId.toString());
        assertThat(api().get(path.replace(user.toString(), UUID.randomUUID().toString())).data().get("verified").asBoolean())
                .isFalse();
    }

    @Test
    void exportsAUsersOrdersForGdpr() {
        UUID user = UUID.randomUUID();
        orderOf(user, "BEDROOM", "40.00", 1);

        Reply export = api().get("/internal/v1/users/" + user + "/export");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.data().get("orders")).hasSize(1);
        assertThat(export.data().get("orders").get(0).get("totalAmount").decimalValue()).isEqualByComparingTo("59.94");
        assertThat(export.data().get("items").get(0).get("category").asString()).isEqualTo("BEDROOM");
        assertThat(export.data().has("payments")).isTrue();
        assertThat(api().with("X-Internal-Token", "wrong").get("/internal/v1/users/" + user + "/export").status()).isEqualTo(401);
    }
}
