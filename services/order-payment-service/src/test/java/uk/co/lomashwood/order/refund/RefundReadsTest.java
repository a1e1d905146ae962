package uk.co.lomashwood.order.refund;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.co.lomashwood.order.invoice.InvoicingIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RefundReadsTest extends InvoicingIntegrationTest {

    @Autowired
    FakePaymentGateway gateway;

    @BeforeEach
    void providerSettlesAtOnce() {
        gateway.nextRefunds(FakePaymentGateway.Outcome.SUCCEEDED);
    }

    private UUID refund(UUID orderId, String amount) {
        Reply reply = call("POST", "/v1/refunds", body("orderId", orderId, "amount", new java.math.BigDecimal(amount),
                "reason", "GOODWILL"), UUID.randomUUID(), "ADMIN", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.data().get("id").asString());
    }

    @Test
    void customersReadTheRefundsOfTheirOwnOrdersOnly() {
        var order = order().create();
        UUID refundId = refund(order.orderId(), "25.00");
        UUID stranger = UUID.randomUUID();

        Reply mine = get("/v1/refunds/by-order/" + order.orderId(), order.userId(), "CUSTOMER");
        Reply one = get("/v1/refunds/" + refundId, order.userId(), "CUSTOMER");
        Reply summary = get("/v1/refunds/by-order/" + order.orderId() + "/summary", order.userId(), "CUSTOMER");

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.data()).hasSize(1);
        assertThat(one.data().get("amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(summary.data().get("totalPaid").decimalValue()).isEqualByComparingTo("359.94");
        assertThat(summary.data().get("totalRefunded").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(summary.data().get("pendingRefunds").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(summary.data().get("remainingRefundable").decimalValue()).isEqualByComparingTo("334.94");
        assertThat(summary.data().get("refundCount").asInt()).isEqualTo(1);

        Reply theirs = get("/v1/refunds/by-order/" + order.orderId(), stranger, "CUSTOMER");
        Reply theirOne = get("/v1/refunds/" + refundId, stranger, "CUSTOMER");
        Reply theirSummary = get("/v1/refunds/by-order/" + order.orderId() + "/summary", stranger, "CUSTOMER");
        Reply eligibility = get("/v1/refunds/by-order/" + order.orderId() + "/eligibility", order.userId(), "CUSTOMER");
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(theirOne.status()).isEqualTo(404);
        assertThat(theirOne.code()).isEqualTo("REFUND_NOT_FOUND");
        assertThat(theirSummary.status()).isEqualTo(404);
        assertThat(eligibility.status()).isEqualTo(403);
    }

    @Test
    void eligibilityExplainsWhyAnOrderCannotBeRefunded() {
        var fresh = order().create();
        var old = order().paidAt(Instant.now().minus(Duration.ofDays(120))).create();

        Reply ok = asAdmin("GET", "/v1/refunds/by-order/" + fresh.orderId() + "/eligibility", null);
        Reply late = asAdmin("GET", "/v1/refunds/by-order/" + old.orderId() + "/eligibility", null);
        Reply unknown = asAdmin("GET", "/v1/refunds/by-order/" + UUID.randomUUID() + "/eligibility", null);

        assertThat(ok.data().get("eligible").asBoolean()).isTrue();
        assertThat(ok.data().get("maxRefundableAmount").decimalValue()).isEqualByComparingTo("359.94");
        assertThat(ok.data().get("currency").asString()).isEqualTo("GBP");
        assertThat(late.data().get("eligible").asBoolean()).isFalse();
        assertThat(late.data().get("reason").asString()).isEqualTo("REFUND_WINDOW_EXPIRED");
        assertThat(late.data().get("maxRefundableAmount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void adminsFilterTheRefundTableAndSeeTheStatusBreakdown() {
        var order = order().create();
        refund(order.orderId(), "10.00");
        refund(order.orderId(), "20.00");

        Reply byOrder = asAdmin("GET", "/v1/refunds?orderId=" + order.orderId() + "&status=SUCCEEDED&sort=-amount", null);
        Reply byAmount = asAdmin("GET", "/v1/refunds?orderId=" + order.orderId() + "&amountMin=15", null);
        Reply bySearch = asAdmin("GET", "/v1/refunds?search=" + order.orderNumber(), null);
        Reply badStatus = asAdmin("GET", "/v1/refunds?status=DONE", null);
        Reply badDate = asAdmin("GET", "/v1/refunds?createdFrom=yesterday", null);
        Reply breakdown = asAdmin("GET", "/v1/refunds/status-breakdown", null);

        assertThat(byOrder.status()).as(byOrder.toString()).isEqualTo(200);
        assertThat(byOrder.data().valueStream().map(r -> r.get("amount").decimalValue().setScale(2).toPlainString()))
                .containsExactly("20.00", "10.00");
        assertThat(byOrder.json().get("pagination").get("total").asInt()).isEqualTo(2);
        assertThat(byAmount.data()).hasSize(1);
        assertThat(bySearch.data()).hasSize(2);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(breakdown.data().valueStream().filter(r -> r.get("status").asString().equals("SUCCEEDED")))
                .singleElement().satisfies(r -> assertThat(r.get("count").asInt()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void aBulkRefundReportsEachOrder() {
        var first = order().create();
        var second = order().create();
        var unpaid = order().unpaid().create();
        Map<String, Object> request = body("orderIds", java.util.List.of(first.orderId(), second.orderId(), unpaid.orderId()),
                "reason", "PRICING_ERROR");

        Reply admin = call("POST", "/v1/refunds/bulk", request, UUID.randomUUID(), "ADMIN",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        Reply bulk = call("POST", "/v1/refunds/bulk", request, UUID.randomUUID(), "SUPER_ADMIN",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(admin.status()).isEqualTo(403);
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(bulk.data().get("total").asInt()).isEqualTo(3);
        assertThat(bulk.data().get("successful")).hasSize(2);
        assertThat(bulk.data().get("failed")).singleElement().satisfies(f -> {
            assertThat(f.get("orderId").asString()).isEqualTo(unpaid.orderId().toString());
            assertThat(f.get("error").get("code").asString()).isEqualTo("REFUND_NOT_ELIGIBLE");
        });
    }
}
