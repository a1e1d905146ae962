package uk.co.lomashwood.order.order;

import uk.co.lomashwood.platform.test.http.ServiceCaller;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import uk.co.lomashwood.order.order.ProductServiceStub.Product;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step (f) of spec 20 §2.4.2 when Stripe cannot be reached (the real Stripe adapter pointed at a closed port):
 * 502 PAYMENT_GATEWAY_ERROR carrying the orderId, the order kept PENDING for create-intent.
 */
@TestPropertySource(properties = {"lomash.stripe.secret-key=sk_test_unreachable",
        "lomash.stripe.webhook-secret=whsec_test_outage", "lomash.stripe.api-base=http://127.0.0.1:9"})
class PaymentGatewayOutageTest extends OrderIntegrationTest {

    @Test
    void anUnreachableGatewayAnswers502WithTheOrderIdAndKeepsTheOrderPending() {
        UUID user = UUID.randomUUID();
        Product product = Product.of("KITCHEN", "100.00");
        ProductServiceStub.catalogue(product);

        ServiceCaller caller = customer(user).idempotencyKey("checkout-" + UUID.randomUUID());
        Reply reply = caller.post("/v1/orders", orderBody(List.of(line(product, 1)), STANDARD));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(502);
        assertThat(reply.code()).isEqualTo("PAYMENT_GATEWAY_ERROR");
        UUID orderId = UUID.fromString(reply.json().get("orderId").asString());
        assertThat(count("orders", "id = ? AND status = 'PENDING' AND user_id = ?", orderId, user)).isEqualTo(1);
        assertThat(count("payments", "order_id = ? AND status = 'FAILED' AND failure_code = 'gateway_error'", orderId))
                .isEqualTo(1);
        assertThat(events("order.created", orderId)).hasSize(1);

        // the platform keeps no answer for a 502: the same key resumes this order instead of placing another
        Reply retry = caller.post("/v1/orders", orderBody(List.of(line(product, 1)), STANDARD));
        assertThat(retry.status()).isEqualTo(502);
        assertThat(retry.json().get("orderId").asString()).isEqualTo(orderId.toString());
        assertThat(count("orders", "user_id = ?", user)).isEqualTo(1);
    }
}
