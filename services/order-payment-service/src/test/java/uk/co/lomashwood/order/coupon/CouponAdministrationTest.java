package uk.co.lomashwood.order.coupon;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.order.order.OrderIntegrationTest;
import uk.co.lomashwood.order.order.ProductServiceStub;
import uk.co.lomashwood.order.order.ProductServiceStub.Product;
import uk.co.lomashwood.platform.test.http.Reply;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff coupon management (spec 20 §2.3 Coupons) and its effect on checkout. */
class CouponAdministrationTest extends OrderIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private Coupons coupons;

    @Test
    void staffCreateACouponThatCheckoutThenApplies() {
        String code = "kitchen" + UUID.randomUUID().toString().substring(0, 6);
        Reply created = admin().post("/v1/coupons", coupon(code, "PERCENTAGE", 15, null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().get("code").asString()).isEqualTo(code.toUpperCase());
        assertThat(created.data().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.data().get("usageCount").asInt()).isZero();

        Product kitchen = Product.of("KITCHEN", "100.00");
        Product bedroom = Product.of("BEDROOM", "100.00");
        ProductServiceStub.catalogue(kitchen, bedroom);
        Reply summary = api().post("/v1/checkout/summary", body("items", List.of(line(kitchen, 1), line(bedroom, 1)),
                "couponCode", code));
        assertThat(summary.data().get("discountAmount").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(summary.data().get("items").get(1).get("discountAmount").decimalValue()).isEqualByComparingTo("0.00");

        Reply duplicate = admin().post("/v1/coupons", coupon(code.toUpperCase(), "FIXED_AMOUNT", null, 5.00));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("COUPON_CODE_EXISTS");
    }

    @Test
    void inconsistentCouponsAreRefused() {
        String code = "BAD" + UUID.randomUUID().toString().substring(0, 6);
        List<Map<String, Object>> bad = List.of(coupon(code, "PERCENTAGE", null, null), coupon(code, "FIXED_AMOUNT", 10, null),
                coupon(code, "FREE_SHIPPING", null, 5.00), coupon(code, "PERCENTAGE", 150, null),
                coupon("a b", "PERCENTAGE", 10, null), coupon(code, "FIXED_AMOUNT", null, 1.234));
        for (Map<String, Object> body : bad) {
            Reply reply = admin().post("/v1/coupons", body);
            assertThat(reply.status()).as(body + " → " + reply).isEqualTo(400);
        }
        Map<String, Object> backwards = coupon(code, "PERCENTAGE", 10, null);
        backwards.put("validUntil", "2020-01-01T00:00:00Z");
        assertThat(admin().post("/v1/coupons", backwards).status()).isEqualTo(400);
        assertThat(customer(UUID.randomUUID()).post("/v1/coupons", coupon(code, "PERCENTAGE", 10, null)).status()).isEqualTo(403);
    }

    @Test
    void staffEditDeactivateAndDeleteCoupons() {
        String code = "EDIT" + UUID.randomUUID().toString().substring(0, 6);
        String id = admin().post("/v1/coupons", coupon(code, "FIXED_AMOUNT", null, 5.00)).data().get("id").asString();

        Reply edited = admin().patch("/v1/coupons/" + id, body("discountAmount", 7.50, "maxUsageCount", 10));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.data().get("discountAmount").decimalValue()).isEqualByComparingTo("7.50");
        assertThat(admin().patch("/v1/coupons/" + id, body("usageCount", 0)).status()).isEqualTo(400);

        assertThat(admin().patch("/v1/coupons/" + id + "/deactivate", null).data().get("status").asString()).isEqualTo("INACTIVE");
        Reply refused = customer(UUID.randomUUID()).post("/v1/coupons/validate", body("code", code, "orderAmount", 50));
        assertThat(refused.json().get("reason").asString()).isEqualTo("INACTIVE");

        assertThat(admin().get("/v1/coupons?status=INACTIVE&search=" + code).data()).hasSize(1);
        assertThat(admin().delete("/v1/coupons/" + id).status()).isEqualTo(204);
        assertThat(admin().get("/v1/coupons/" + id).code()).isEqualTo("COUPON_NOT_FOUND");
    }

    @Test
    void aCouponHeldByAnUnpaidOrderCannotBeDeleted() {
        String code = "HELD" + UUID.randomUUID().toString().substring(0, 6);
        String id = admin().post("/v1/coupons", coupon(code, "FIXED_AMOUNT", null, 5.00)).data().get("id").asString();
        Product product = Product.of("KITCHEN", "80.00");
        ProductServiceStub.catalogue(product);
        Map<String, Object> order = orderBody(List.of(line(product, 1)), STANDARD);
        order.put("couponCode", code);
        assertThat(placeOrder(UUID.randomUUID(), order).status()).isEqualTo(201);

        Reply reply = admin().delete("/v1/coupons/" + id);
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("COUPON_IN_USE");
        assertThat(admin().patch("/v1/coupons/" + id, body("code", "RENAMED" + code)).status()).isEqualTo(400);
    }

    @Test
    void housekeepingExpiresLapsedCouponsAndExhaustsUsedUpOnes() {
        String lapsed = "LAPSED" + UUID.randomUUID().toString().substring(0, 6);
        String used = "USEDUP" + UUID.randomUUID().toString().substring(0, 6);
        String lapsedId = admin().post("/v1/coupons", coupon(lapsed, "FIXED_AMOUNT", null, 5.00)).data().get("id").asString();
        String usedId = admin().post("/v1/coupons", coupon(used, "FIXED_AMOUNT", null, 5.00)).data().get("id").asString();
        jdbc.sql("UPDATE coupons SET valid_until = now() - interval '1 minute' WHERE id = ?::uuid").param(lapsedId).update();
        jdbc.sql("UPDATE coupons SET max_usage_count = 2, usage_count = 2 WHERE id = ?::uuid").param(usedId).update();

        coupons.housekeeping();

        assertThat(admin().get("/v1/coupons/" + lapsedId).data().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(admin().get("/v1/coupons/" + usedId).data().get("status").asString()).isEqualTo("EXHAUSTED");
    }

    private static Map<String, Object> coupon(String code, String type, Integer percent, Double amount) {
        Map<String, Object> body = body("code", code, "name", "Test coupon", "discountType", type,
                "validFrom", "2026-01-01T00:00:00Z", "maxUsagePerCustomer", 3);
        if (percent != null) {
            body.put("discountPercent", percent);
            body.put("applicableCategories", List.of("KITCHEN"));
        }
        if (amount != null) {
            body.put("discountAmount", amount);
        }
        return body;
    }
}
