package uk.co.lomashwood.order.refund;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.order.invoice.InvoicingIntegrationTest;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RefundCreationTest extends InvoicingIntegrationTest {

    @Autowired
    FakePaymentGateway gateway;

    private final UUID admin = UUID.randomUUID();

    @BeforeEach
    void providerSettlesAtOnce() {
        gateway.nextRefunds(FakePaymentGateway.Outcome.SUCCEEDED);
    }

    private Reply refund(Map<String, Object> body) {
        return call("POST", "/v1/refunds", body, admin, "ADMIN", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private String column(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(String.class).single();
    }

    @Test
    void aFullRefundByDefaultReturnsEverythingPaidAndIssuesACreditNote() {
        var order = order().create();

        Reply reply = refund(body("orderId", order.orderId(), "reason", "CUSTOMER_REQUEST", "notes", "Changed their mind"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode refund = reply.data();
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("359.94");
        assertThat(refund.get("currency").asString()).isEqualTo("GBP");
        assertThat(refund.get("type").asString()).isEqualTo("FULL");
        assertThat(refund.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(refund.get("initiator").asString()).isEqualTo("ADMIN");
        assertThat(refund.get("requestedBy").asString()).isEqualTo(admin.toString());
        assertThat(refund.get("stripeRefundId").asString()).startsWith("re_");
        assertThat(refund.get("creditNoteId").isNull()).isFalse();
        UUID refundId = UUID.fromString(refund.get("id").asString());

        assertThat(column("SELECT status || '/' || payment_status || '/' || amount_refunded FROM orders WHERE id = ?", order.orderId()))
                .isEqualTo("REFUNDED/REFUNDED/35994");
        assertThat(column("SELECT status || '/' || amount_refunded FROM payments WHERE id = ?", order.paymentId()))
                .isEqualTo("REFUNDED/35994");
        assertThat(jdbc.sql("SELECT field || ':' || from_status || '>' || to_status FROM order_status_history WHERE order_id = ?"
                + " ORDER BY created_at").param(order.orderId()).query(String.class).list())
                .containsExactly("paymentStatus:PAID>REFUNDED", "status:CONFIRMED>REFUNDED");

        PaymentGatewayCall call = lastCall();
        assertThat(call.request().idempotencyKey()).isEqualTo("refund:" + refundId);
        assertThat(call.request().reason()).isEqualTo("requested_by_customer");
        assertThat(call.request().paymentIntentId()).isEqualTo(order.paymentIntentId());
        assertThat(call.request().amount()).isEqualTo(35994);
        assertThat(call.request().metadata()).containsEntry("refundId", refundId.toString())
                .containsEntry("orderId", order.orderId().toString());

        List<JsonNode> issued = events("order.payment.refund_issued", order.orderId());
        assertThat(issued).singleElement().satisfies(event -> {
            assertThat(event.get("refundId").asString()).isEqualTo(refundId.toString());
            assertThat(event.get("orderNumber").asString()).isEqualTo(order.orderNumber());
            assertThat(event.get("userId").asString()).isEqualTo(order.userId().toString());
            assertThat(event.get("paymentId").asString()).isEqualTo(order.paymentId().toString());
            assertThat(event.get("amount").decimalValue()).isEqualByComparingTo("359.94");
            assertThat(event.get("originalAmount").decimalValue()).isEqualByComparingTo("359.94");
            assertThat(event.get("remainingAmount").decimalValue()).isEqualByComparingTo("0.00");
            assertThat(event.get("refundType").asString()).isEqualTo("FULL");
            assertThat(event.get("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
            assertThat(event.get("initiatedBy").asString()).isEqualTo(admin.toString());
            assertThat(event.get("creditNoteId").asString()).isEqualTo(refund.get("creditNoteId").asString());
            assertThat(event.get("settledAt").isNull()).isFalse();
        });
    }

    @Test
    void aSecondFullRefundIsRefusedAsAlreadyRefunded() {
        var order = order().create();
        assertThat(refund(body("orderId", order.orderId(), "reason", "GOODWILL")).status()).isEqualTo(201);

        Reply second = refund(body("orderId", order.orderId(), "reason", "GOODWILL"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("ORDER_ALREADY_REFUNDED");
        assertThat(gateway.refundCalls.stream().filter(c -> c.paymentIntentId().equals(order.paymentIntentId()))).hasSize(1);
    }

    @Test
    void fiveAdminsRefundingTheSameOrderAtOnceRefundItOnce() throws Exception {
        var order = order().create();
        List<java.util.concurrent.Callable<Reply>> refunds = java.util.stream.IntStream.range(0, 5)
                .<java.util.concurrent.Callable<Reply>>mapToObj(i -> () -> call("POST", "/v1/refunds",
                        body("orderId", order.orderId(), "reason", "GOODWILL"), UUID.randomUUID(), "ADMIN",
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))).toList();
        List<Reply> replies = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(5)) {
            for (var reply : pool.invokeAll(refunds)) {
                replies.add(reply.get());
            }
        }

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("ORDER_ALREADY_REFUNDED"));
        assertThat(jdbc.sql("SELECT count(*) FROM refunds WHERE order_id = ?").param(order.orderId()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(events("order.payment.refund_issued", order.orderId())).hasSize(1);
    }

    @Test
    void partialRefundsCannotExceedWhatRemains() {
        var order = order().create();

        Reply first = refund(body("orderId", order.orderId(), "amount", 100.00, "reason", "PRODUCT_DAMAGED"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.data().get("type").asString()).isEqualTo("PARTIAL");
        assertThat(column("SELECT status || '/' || payment_status FROM orders WHERE id = ?", order.orderId()))
                .isEqualTo("CONFIRMED/PARTIALLY_REFUNDED");

        Reply tooMuch = refund(body("orderId", order.orderId(), "amount", 300.00, "reason", "PRODUCT_DAMAGED"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_PAYMENT");
        assertThat(tooMuch.json().get("maxRefundableAmount").decimalValue()).isEqualByComparingTo("259.94");

        Reply rest = refund(body("orderId", order.orderId(), "reason", "PRODUCT_DAMAGED"));
        assertThat(rest.data().get("amount").decimalValue()).isEqualByComparingTo("259.94");
        assertThat(rest.data().get("type").asString()).isEqualTo("PARTIAL");
        assertThat(column("SELECT status || '/' || payment_status FROM orders WHERE id = ?", order.orderId()))
                .isEqualTo("REFUNDED/REFUNDED");
    }

    @Test
    void aLineRefundReturnsTheItemsNetPriceWithItsVat() {
        var order = order().create();

        Reply reply = refund(body("orderId", order.orderId(), "reason", "INCORRECT_ITEM",
                "items", List.of(body("orderItemId", order.doorItemId(), "quantity", 1))));
        Reply twoMore = refund(body("orderId", order.orderId(), "reason", "INCORRECT_ITEM",
                "items", List.of(body("orderItemId", order.doorItemId(), "quantity", 2))));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.data().get("amount").decimalValue()).isEqualByComparingTo("144.00");
        assertThat(reply.data().get("items").get(0).get("quantity").asInt()).isEqualTo(1);
        assertThat(reply.data().get("items").get(0).get("amount").decimalValue()).isEqualByComparingTo("144.00");
        assertThat(lastCall().request().reason()).isNull();
        assertThat(twoMore.status()).isEqualTo(422);
        assertThat(twoMore.code()).isEqualTo("REFUND_EXCEEDS_PAYMENT");
    }

    @Test
    void theRefundWindowClosesNinetyDaysAfterPayment() {
        var old = order().paidAt(Instant.now().minus(Duration.ofDays(91))).status("COMPLETED").create();
        var recent = order().paidAt(Instant.now().minus(Duration.ofDays(89))).status("COMPLETED").create();

        Reply late = refund(body("orderId", old.orderId(), "reason", "QUALITY_ISSUE"));
        Reply inTime = refund(body("orderId", recent.orderId(), "reason", "QUALITY_ISSUE"));

        assertThat(late.status()).isEqualTo(422);
        assertThat(late.code()).isEqualTo("REFUND_WINDOW_EXPIRED");
        assertThat(inTime.status()).isEqualTo(201);
    }

    @Test
    void badRequestsAreRefusedWithTheirCodes() {
        var order = order().create();
        var unpaid = order().unpaid().create();

        Reply unknown = refund(body("orderId", UUID.randomUUID(), "reason", "OTHER"));
        Reply notPaid = refund(body("orderId", unpaid.orderId(), "reason", "OTHER"));
        Reply both = refund(body("orderId", order.orderId(), "reason", "OTHER", "amount", 1.00,
                "items", List.of(body("orderItemId", order.doorItemId(), "quantity", 1))));
        Reply tiny = refund(body("orderId", order.orderId(), "reason", "OTHER", "amount", 0.001));
        Reply badReason = refund(body("orderId", order.orderId(), "reason", "BORED"));
        Reply noKey = call("POST", "/v1/refunds", body("orderId", order.orderId(), "reason", "OTHER"), admin, "ADMIN", Map.of());
        Reply customer = call("POST", "/v1/refunds", body("orderId", order.orderId(), "reason", "OTHER"), order.userId(),
                "CUSTOMER", Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(notPaid.status()).isEqualTo(422);
        assertThat(notPaid.code()).isEqualTo("REFUND_NOT_ELIGIBLE");
        assertThat(both.status()).isEqualTo(400);
        assertThat(tiny.status()).isEqualTo(400);
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(customer.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM refunds WHERE order_id = ?").param(order.orderId()).query(Long.class).single())
                .isZero();
    }

    @Test
    void replayingTheSameKeyReturnsTheSameRefundAndRefundsOnce() {
        var order = order().create();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = body("orderId", order.orderId(), "amount", 10.00, "reason", "GOODWILL");

        Reply first = call("POST", "/v1/refunds", body, admin, "ADMIN", key);
        Reply replay = call("POST", "/v1/refunds", body, admin, "ADMIN", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.data().get("id")).isEqualTo(first.data().get("id"));
        assertThat(jdbc.sql("SELECT count(*) FROM refunds WHERE order_id = ?").param(order.orderId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aRefundStripeRefusesFailsAndCanBeRetriedWithANewKey() {
        var order = order().create();
        gateway.nextRefunds(FakePaymentGateway.Outcome.REJECTED);

        Reply refused = refund(body("orderId", order.orderId(), "reason", "DUPLICATE"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("REFUND_FAILED");
        UUID refundId = UUID.fromString(refused.json().get("refundId").asString());
        assertThat(column("SELECT status FROM refunds WHERE id = ?", refundId)).isEqualTo("FAILED");
        assertThat(events("order.payment.refund_failed", order.orderId())).singleElement().satisfies(event -> {
            assertThat(event.get("refundId").asString()).isEqualTo(refundId.toString());
            assertThat(event.get("amount").decimalValue()).isEqualByComparingTo("359.94");
            assertThat(event.get("failureReason").asString()).isNotBlank();
        });
        assertThat(column("SELECT payment_status FROM orders WHERE id = ?", order.orderId())).isEqualTo("PAID");

        gateway.nextRefunds(FakePaymentGateway.Outcome.SUCCEEDED);
        Reply retried = asAdmin("POST", "/v1/refunds/" + refundId + "/retry", null);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.data().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(retried.data().get("retryCount").asInt()).isEqualTo(1);
        assertThat(lastCall().request().idempotencyKey()).isEqualTo("refund:" + refundId + ":retry-1");
        assertThat(lastCall().request().reason()).isEqualTo("duplicate");
        Reply again = asAdmin("POST", "/v1/refunds/" + refundId + "/retry", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("INVALID_STATUS_TRANSITION");
    }

    @Test
    void anUnreachableProviderAnswers502() {
        var order = order().create();
        gateway.nextRefunds(FakePaymentGateway.Outcome.UNREACHABLE);

        Reply reply = refund(body("orderId", order.orderId(), "reason", "GOODWILL"));

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.code()).isEqualTo("PAYMENT_GATEWAY_ERROR");
        assertThat(column("SELECT payment_status FROM orders WHERE id = ?", order.orderId())).isEqualTo("PAID");
    }

    @Test
    void anAdminIssuesAtMostFiveRefundsAMinute() {
        var order = order().create();
        for (int i = 0; i < 5; i++) {
            assertThat(refund(body("orderId", order.orderId(), "amount", 1.00, "reason", "GOODWILL")).status()).isEqualTo(201);
        }

        Reply sixth = refund(body("orderId", order.orderId(), "amount", 1.00, "reason", "GOODWILL"));

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.code()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(sixth.header("Retry-After")).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM refunds WHERE order_id = ?").param(order.orderId()).query(Long.class).single())
                .isEqualTo(5);
    }

    private record PaymentGatewayCall(uk.co.lomashwood.order.stripe.PaymentGateway.CreateRefund request) {
    }

    private PaymentGatewayCall lastCall() {
        return new PaymentGatewayCall(gateway.refundCalls.getLast());
    }
}
