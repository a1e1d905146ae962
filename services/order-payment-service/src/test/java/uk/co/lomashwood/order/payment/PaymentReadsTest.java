package uk.co.lomashwood.order.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.co.lomashwood.platform.test.http.Reply;

class PaymentReadsTest extends PaymentIntegrationTest {

    @Test
    void theOwnerSeesEveryAttemptWithMaskedCardDataOnly() {
        TestOrder order = order();
        String intent = pay(order);

        Reply reply = call(as(order.userId(), "CUSTOMER"), "GET", "/v1/payments/order/" + order.id(), null);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.data()).hasSize(1);
        var payment = reply.data().get(0);
        assertThat(payment.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(payment.get("card").get("last4").asString()).isEqualTo("4242");
        assertThat(payment.get("card").get("brand").asString()).isEqualTo("visa");
        assertThat(reply.raw()).doesNotContain("secret").doesNotContain("pm_");
    }

    @Test
    void anotherCustomerGets404AndAnAdminSeesThem() {
        TestOrder order = order();
        firstAttempt(order);
        String paymentId = jdbc.sql("SELECT id::text FROM payments WHERE order_id = ?").param(order.id())
                .query(String.class).single();
        Map<String, String> stranger = as(UUID.randomUUID(), "CUSTOMER");

        Reply byOrder = call(stranger, "GET", "/v1/payments/order/" + order.id(), null);
        Reply byId = call(stranger, "GET", "/v1/payments/" + paymentId, null);
        Reply admin = call(as(UUID.randomUUID(), "ADMIN"), "GET", "/v1/payments/" + paymentId, null);
        Reply owner = call(as(order.userId(), "CUSTOMER"), "GET", "/v1/payments/" + paymentId, null);

        assertThat(byOrder.status()).isEqualTo(404);
        assertThat(byOrder.code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.data().get("orderId").asString()).isEqualTo(order.id().toString());
    }

    @Test
    void confirmNeverMarksPaidUntilStripeSaysSucceeded() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        Map<String, String> owner = as(order.userId(), "CUSTOMER");

        Reply before = call(owner, "POST", "/v1/payments/confirm", Map.of("paymentIntentId", intent));

        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.data().get("orderStatus").asString()).isEqualTo("PENDING");
        assertThat(before.data().get("paymentStatus").asString()).isEqualTo("UNPAID");
        assertThat(before.data().get("requiresAction").asBoolean()).isFalse();

        confirmCard(order, intent, "pm_card_authenticationRequired");
        Reply challenge = call(owner, "POST", "/v1/payments/confirm", Map.of("paymentIntentId", intent));
        assertThat(challenge.data().get("attemptStatus").asString()).isEqualTo("REQUIRES_ACTION");
        assertThat(challenge.data().get("requiresAction").asBoolean()).isTrue();

        confirmCard(order, intent, "pm_card_authenticationRequired");
        Reply after = call(owner, "POST", "/v1/payments/confirm", Map.of("paymentIntentId", intent));

        assertThat(after.data().get("orderStatus").asString()).isEqualTo("CONFIRMED");
        assertThat(after.data().get("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(after.data().get("attemptStatus").asString()).isEqualTo("SUCCEEDED");
        awaitDelivered(intent, "payment_intent.succeeded");
        assertThat(outbox("order.confirmed", order.id())).isEqualTo(1);
    }

    @Test
    void confirmingSomeoneElsesIntentIsNotFound() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        providerSays(intent, "succeeded", null);

        Reply reply = call(as(UUID.randomUUID(), "CUSTOMER"), "POST", "/v1/payments/confirm",
                Map.of("paymentIntentId", intent));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(orderState(order.id())).containsEntry("status", "PENDING");
    }

    @Test
    void adminStatisticsCountWhatWasCapturedInTheWindow() {
        TestOrder order = order();
        pay(order);
        String window = "fromDate=" + java.time.Instant.now().minusSeconds(60) + "&toDate="
                + java.time.Instant.now().plusSeconds(60);

        Reply stats = call(as(UUID.randomUUID(), "ADMIN"), "GET", "/v1/payments/statistics?groupBy=day&" + window, null);
        Reply badGroup = call(as(UUID.randomUUID(), "ADMIN"), "GET", "/v1/payments/statistics?groupBy=hour", null);

        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        assertThat(stats.data().get("succeeded").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.data().get("amountCaptured").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("1200.00"));
        assertThat(stats.data().get("byPeriod")).isNotEmpty();
        assertThat(badGroup.status()).isEqualTo(400);
    }

    @Test
    void adminsListPaymentsByOrderAndStatusAndCancelAnOpenOne() {
        TestOrder order = order();
        String intent = firstAttempt(order);
        Map<String, String> admin = as(UUID.randomUUID(), "ADMIN");

        Reply list = call(admin, "GET", "/v1/payments?orderId=" + order.id() + "&status=PENDING,FAILED", null);
        Reply customer = call(as(order.userId(), "CUSTOMER"), "GET", "/v1/payments", null);

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.data()).hasSize(1);
        assertThat(list.json().get("pagination").get("total").asLong()).isEqualTo(1);
        assertThat(customer.status()).isEqualTo(403);

        String paymentId = list.data().get(0).get("id").asString();
        Reply cancelled = call(admin, "POST", "/v1/payments/" + paymentId + "/cancel", Map.of("reason", "customer phoned"));
        Reply again = call(admin, "POST", "/v1/payments/" + paymentId + "/cancel", Map.of());

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.data().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.data().get("cancellationSource").asString()).isEqualTo("ADMIN");
        assertThat(gateway.retrieveIntent(intent).status()).isEqualTo("canceled");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("INVALID_STATUS_TRANSITION");
    }
}
