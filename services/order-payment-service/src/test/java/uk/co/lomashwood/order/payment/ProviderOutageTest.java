package uk.co.lomashwood.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.test.http.Reply;

/** Stripe itself configured (a secret key) but unreachable: every attempt is stored FAILED and answered 502. */
@TestPropertySource(properties = {"lomash.stripe.secret-key=sk_test_unreachable", "lomash.stripe.webhook-secret=whsec_test_outage",
        "lomash.stripe.api-base=http://127.0.0.1:9"})
class ProviderOutageTest extends PaymentIntegrationTest {

    @Test
    void anUnreachableProviderLeavesTheAttemptFailedAndAnswers502WithTheOrderId() {
        TestOrder order = order();

        assertThatThrownBy(() -> payments().startFirstAttempt(order.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_GATEWAY_ERROR);
                    assertThat(e.extensions()).containsEntry("orderId", order.id());
                });
        assertThat(jdbc.sql("SELECT status || ':' || failure_code FROM payments WHERE order_id = ?").param(order.id())
                .query(String.class).single()).isEqualTo("FAILED:gateway_error");
        assertThat(orderState(order.id())).containsEntry("status", "PENDING");

        Reply retry = createIntent(order.userId(), UUID.randomUUID().toString(), Map.of("orderId", order.id()));

        assertThat(retry.status()).as(retry.toString()).isEqualTo(502);
        assertThat(retry.code()).isEqualTo("PAYMENT_GATEWAY_ERROR");
        assertThat(retry.json().get("orderId").asString()).isEqualTo(order.id().toString());
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE order_id = ? AND failure_code = 'gateway_error'")
                .param(order.id()).query(Long.class).single()).isEqualTo(2);
    }
}
