package uk.co.lomashwood.order.order;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/orders[/:id]}: own orders only, staff see all with filters; the Order shape of spec 20 §2.3. */
class OrderReadingTest extends OrderIntegrationTest {

    @Test
    void aCustomerReadsTheirOrderInTheSpecShape() {
        UUID user = UUID.randomUUID();
        UUID orderId = orderOf(user, "KITCHEN", "120.00", 2);

        Reply reply = customer(user).get("/v1/orders/" + orderId);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode order = reply.data();
        assertThat(order.get("id").asString()).isEqualTo(orderId.toString());
        assertThat(order.get("subtotal").decimalValue()).isEqualByComparingTo("240.00");
        assertThat(order.get("totalAmount").decimalValue()).isEqualByComparingTo("299.94");
        assertThat(order.get("shippingMethod").get("code").asString()).isEqualTo("STANDARD");
        assertThat(order.get("shippingAddress").get("postcode").asString()).isEqualTo("SW1A 2AA");
        assertThat(order.get("items").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(order.get("items").get(0).get("taxAmount").decimalValue()).isEqualByComparingTo("48.00");
        assertThat(order.has("tracking")).isTrue();
        assertThat(order.has("internalNotes")).isFalse();
    }

    @Test
    void anotherCustomersOrderDoesNotExistForYou() {
        UUID orderId = orderOf(UUID.randomUUID(), "KITCHEN", "50.00", 1);
        Reply reply = customer(UUID.randomUUID()).get("/v1/orders/" + orderId);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(customer(UUID.randomUUID()).post("/v1/orders/" + orderId + "/cancel",
                body("reason", "not mine")).status()).isEqualTo(404);
    }

    @Test
    void staffSeeInternalNotes() {
        UUID orderId = orderOf(UUID.randomUUID(), "KITCHEN", "50.00", 1);
        jdbc.sql("UPDATE orders SET internal_notes = 'VIP customer' WHERE id = ?").param(orderId).update();
        assertThat(admin().get("/v1/orders/" + orderId).data().get("internalNotes").asString()).isEqualTo("VIP customer");
    }

    @Test
    void customersListOnlyTheirOwnOrders() {
        UUID user = UUID.randomUUID();
        UUID mine = orderOf(user, "KITCHEN", "50.00", 1);
        orderOf(UUID.randomUUID(), "KITCHEN", "50.00", 1);

        Reply list = customer(user).get("/v1/orders");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.data()).hasSize(1);
        assertThat(list.data().get(0).get("id").asString()).isEqualTo(mine.toString());
        assertThat(list.json().get("pagination").get("total").asLong()).isEqualTo(1);
        assertThat(customer(user).get("/v1/orders?userId=" + UUID.randomUUID()).status()).isEqualTo(400);
    }

    @Test
    void staffFilterSortAndPage() {
        UUID user = UUID.randomUUID();
        UUID cheap = orderOf(user, "KITCHEN", "10.00", 1);
        UUID dear = orderOf(user, "KITCHEN", "900.00", 1);
        setStatus(cheap, "CANCELLED", "UNPAID");

        Reply byUser = admin().get("/v1/orders?userId=" + user + "&sortBy=totalAmount&sortOrder=desc&limit=1");
        assertThat(byUser.data()).hasSize(1);
        assertThat(byUser.data().get(0).get("id").asString()).isEqualTo(dear.toString());
        assertThat(byUser.json().get("pagination").get("totalPages").asInt()).isEqualTo(2);

        Reply cancelled = admin().get("/v1/orders?userId=" + user + "&status=CANCELLED");
        assertThat(cancelled.data()).hasSize(1);
        assertThat(cancelled.data().get(0).get("id").asString()).isEqualTo(cheap.toString());

        String number = admin().get("/v1/orders/" + dear).data().get("orderNumber").asString();
        assertThat(admin().get("/v1/orders?search=" + number).data()).hasSize(1);
    }

    @Test
    void badListParametersAre400() {
        for (String query : new String[] {"sortBy=password", "sortOrder=up", "status=LOST", "limit=0", "limit=101",
                "startDate=yesterday", "startDate=2026-02-01&endDate=2026-01-01", "page=0", "userId=not-a-uuid"}) {
            Reply reply = admin().get("/v1/orders?" + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
        }
        assertThat(api().get("/v1/orders").status()).isEqualTo(401);
    }

    @Test
    void historyShowsTheChangesButNotWhoMadeThemToCustomers() {
        UUID user = UUID.randomUUID();
        UUID orderId = orderOf(user, "KITCHEN", "50.00", 1);
        setStatus(orderId, "CONFIRMED", "PAID");
        admin().patch("/v1/orders/" + orderId + "/status", body("status", "PROCESSING", "notes", "Picked by Sam"));

        Reply mine = customer(user).get("/v1/orders/" + orderId + "/history");
        assertThat(mine.status()).isEqualTo(200);
        JsonNode last = mine.data().get(mine.data().size() - 1);
        assertThat(last.get("toStatus").asString()).isEqualTo("PROCESSING");
        assertThat(last.has("notes")).isFalse();
        assertThat(last.has("changedBy")).isFalse();

        JsonNode staffView = admin().get("/v1/orders/" + orderId + "/history").data();
        assertThat(staffView.get(staffView.size() - 1).get("notes").asString()).isEqualTo("Picked by Sam");
        assertThat(customer(UUID.randomUUID()).get("/v1/orders/" + orderId + "/history").status()).isEqualTo(404);
    }

    @Test
    void staffExportOrdersAsCsvWithFormulasDefused() {
        UUID user = UUID.randomUUID();
        UUID orderId = orderOf(user, "KITCHEN", "50.00", 1);
        jdbc.sql("UPDATE orders SET customer_name = '=HYPERLINK(\"x\")' WHERE id = ?").param(orderId).update();

        Reply csv = admin().get("/v1/orders/export?userId=" + user);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.raw().split("\r\n");
        assertThat(lines[0]).startsWith("orderNumber,createdAt,status");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("\"'=HYPERLINK(\"\"x\"\")\"").contains(",71.94,");
        assertThat(customer(user).get("/v1/orders/export").status()).isEqualTo(403);
        assertThat(admin().get("/v1/orders/export?sortBy=nope").status()).isEqualTo(400);
    }

    @Test
    void statisticsCountOrdersByStatusAndRevenue() {
        UUID orderId = orderOf(UUID.randomUUID(), "KITCHEN", "50.00", 1);
        jdbc.sql("UPDATE orders SET status = 'CONFIRMED', payment_status = 'PAID', amount_paid = total_amount WHERE id = ?")
                .param(orderId).update();

        Reply stats = admin().get("/v1/orders/statistics?startDate=2000-01-01");

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.data().get("totalOrders").asLong()).isPositive();
        assertThat(stats.data().get("ordersByStatus").get("CONFIRMED").asLong()).isPositive();
        assertThat(stats.data().get("totalRevenue").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("71.94"));
        assertThat(admin().get("/v1/orders/statistics?startDate=2026-02-01&endDate=2026-01-01").status()).isEqualTo(400);
    }

    @Test
    void revenueIsGroupedByPeriodOfPayment() {
        UUID orderId = orderOf(UUID.randomUUID(), "KITCHEN", "50.00", 1);
        jdbc.sql("""
                UPDATE orders SET status = 'CONFIRMED', payment_status = 'PARTIALLY_REFUNDED', amount_paid = total_amount,
                       amount_refunded = 1000, confirmed_at = '2030-03-10T12:00:00Z' WHERE id = ?""").param(orderId).update();

        Reply monthly = admin().get("/v1/orders/revenue?startDate=2030-03-01&endDate=2030-03-31&groupBy=month");

        assertThat(monthly.status()).as(monthly.toString()).isEqualTo(200);
        JsonNode march = monthly.data().get(0);
        assertThat(march.get("period").asString()).isEqualTo("2030-03-01");
        assertThat(march.get("grossRevenue").decimalValue()).isEqualByComparingTo("71.94");
        assertThat(march.get("netRevenue").decimalValue()).isEqualByComparingTo("61.94");
        assertThat(admin().get("/v1/orders/revenue?startDate=2030-01-01&endDate=2031-06-01&groupBy=day").status()).isEqualTo(400);
        assertThat(admin().get("/v1/orders/revenue?startDate=2030-01-01").status()).isEqualTo(400);
        assertThat(admin().get("/v1/orders/revenue?startDate=2030-01-01&endDate=2030-02-01&groupBy=year").status()).isEqualTo(400);
    }
}
