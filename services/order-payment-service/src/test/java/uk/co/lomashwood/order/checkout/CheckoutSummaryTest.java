package uk.co.lomashwood.order.checkout;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.order.order.OrderIntegrationTest;
import uk.co.lomashwood.order.order.ProductServiceStub;
import uk.co.lomashwood.order.order.ProductServiceStub.Product;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/checkout/summary} and {@code POST /v1/coupons/validate}: priced on the server, nothing stored. */
class CheckoutSummaryTest extends OrderIntegrationTest {

    @Test
    void summarisesABasketWithDeliveryOptionsWithoutStoringAnything() {
        Product kitchen = Product.of("KITCHEN", "450.00");
        ProductServiceStub.catalogue(kitchen);
        long ordersBefore = count("orders", "true");

        Reply reply = api().post("/v1/checkout/summary", body("items", List.of(line(kitchen, 1)),
                "shippingMethodId", STANDARD, "country", "GB"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        JsonNode data = reply.data();
        assertThat(data.get("subtotal").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(data.get("shippingAmount").decimalValue()).isEqualByComparingTo("9.95");
        assertThat(data.get("taxAmount").decimalValue()).isEqualByComparingTo("91.99");
        assertThat(data.get("totalAmount").decimalValue()).isEqualByComparingTo("551.94");
        assertThat(data.get("items").get(0).get("taxAmount").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(data.get("shippingMethods").valueStream().map(m -> m.get("code").asString()).toList())
                .containsExactly("STANDARD", "EXPRESS", "COLLECT_FROM_SHOWROOM");
        assertThat(count("orders", "true")).isEqualTo(ordersBefore);
    }

    @Test
    void anInvalidCouponIsReportedNotRefusedAndAValidOneDiscounts() {
        coupon("TAKE50", "FIXED_AMOUNT", null, 5000L, 100_000L);
        Product kitchen = Product.of("KITCHEN", "600.00");
        ProductServiceStub.catalogue(kitchen);

        Reply unknown = api().post("/v1/checkout/summary", body("items", List.of(line(kitchen, 1)), "couponCode", "NOPE"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.data().get("coupon").get("isValid").asBoolean()).isFalse();
        assertThat(unknown.data().get("coupon").get("reason").asString()).isEqualTo("UNKNOWN_CODE");

        Reply belowMinimum = api().post("/v1/checkout/summary", body("items", List.of(line(kitchen, 1)), "couponCode", "take50"));
        assertThat(belowMinimum.data().get("coupon").get("reason").asString()).isEqualTo("MIN_ORDER_NOT_MET");

        Reply applied = api().post("/v1/checkout/summary", body("items", List.of(line(kitchen, 2)), "couponCode", "take50",
                "shippingMethodId", STANDARD));
        assertThat(applied.data().get("coupon").get("isValid").asBoolean()).isTrue();
        assertThat(applied.data().get("discountAmount").decimalValue()).isEqualByComparingTo("50.00");
        // 1200 − 50 = 1150 ≥ 500: free standard delivery; VAT 230.00
        assertThat(applied.data().get("shippingAmount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(applied.data().get("totalAmount").decimalValue()).isEqualByComparingTo("1380.00");
    }

    @Test
    void badSummaryInputIs400AndUnavailableItems422() {
        Product gone = Product.of("KITCHEN", "10.00").unavailable("PRODUCT_NOT_FOUND");
        ProductServiceStub.catalogue(gone);
        assertThat(api().post("/v1/checkout/summary", body("items", List.of())).status()).isEqualTo(400);
        assertThat(api().post("/v1/checkout/summary", body("items", List.of(line(gone, 1)), "country", "FR")).status())
                .isEqualTo(400);
        Reply unavailable = api().post("/v1/checkout/summary", body("items", List.of(line(gone, 1))));
        assertThat(unavailable.status()).isEqualTo(422);
        assertThat(unavailable.code()).isEqualTo("PRODUCT_UNAVAILABLE");
    }

    @Test
    void couponValidationAnswersTheDiscountOrTheReason() {
        coupon("TENPC", "PERCENTAGE", 10, null, null);
        UUID user = UUID.randomUUID();

        Reply valid = customer(user).post("/v1/coupons/validate", body("code", "tenpc", "orderAmount", 250.00));
        assertThat(valid.status()).as(valid.toString()).isEqualTo(200);
        assertThat(valid.data().get("isValid").asBoolean()).isTrue();
        assertThat(valid.data().get("discountAmount").decimalValue()).isEqualByComparingTo("25.00");

        Reply unknown = customer(user).post("/v1/coupons/validate", body("code", "NOPE", "orderAmount", 250.00));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("COUPON_INVALID");
        assertThat(unknown.json().get("reason").asString()).isEqualTo("UNKNOWN_CODE");

        assertThat(customer(user).post("/v1/coupons/validate", body("code", "TENPC")).status()).isEqualTo(400);
        assertThat(api().post("/v1/coupons/validate", body("code", "TENPC", "orderAmount", 10)).status()).isEqualTo(401);
    }

    private void coupon(String code, String type, Integer percent, Long amount, Long minOrder) {
        jdbc.sql("""
                        INSERT INTO coupons (id, code, name, discount_type, discount_percent, discount_amount, min_order_amount,
                                             max_usage_per_customer, valid_from)
                        VALUES (?, ?, 'Test', ?, ?, ?, ?, 5, now() - interval '1 day')
                        ON CONFLICT DO NOTHING""")
                .params(UUID.randomUUID(), code, type, percent, amount, minOrder).update();
    }
}
