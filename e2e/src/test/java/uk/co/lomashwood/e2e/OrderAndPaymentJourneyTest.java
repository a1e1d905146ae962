package uk.co.lomashwood.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.auth.demo.DemoAccount;
import uk.co.lomashwood.auth.mfa.Base32;
import uk.co.lomashwood.auth.mfa.Totp;
import uk.co.lomashwood.platform.core.security.Role;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #8 as a customer sees it, through the gateway only: browse → checkout summary → order (replayed with the
 * same Idempotency-Key: one order) → pay with the offline provider's test card → Stripe-signed webhook → order
 * confirmed → receipt email in the local mailbox → invoice PDF downloadable → an admin refunds part of it → credit
 * note. Nobody else can read the order, and no amount is ever taken from the client.
 */
@ExtendWith(RunningPlatform.class)
class OrderAndPaymentJourneyTest {

    private static final Duration WEBHOOK_WAIT = Duration.ofSeconds(20);
    private final Gateway gateway = RunningPlatform.gateway();

    @Test
    void aCustomerOrdersPaysGetsReceiptAndInvoiceAndIsPartlyRefundedWithACreditNote() throws Exception {
        DemoAccount customer = RunningPlatform.demoAccount(Role.CUSTOMER);
        String[] as = signIn(customer, "198.51.100.201");

        JsonNode kitchen = firstInStock("KITCHEN");
        JsonNode size = firstOrderableSize(kitchen);
        Map<String, Object> basket = Map.of(
                "items", List.of(Map.of("productId", kitchen.path("id").asString(), "variantId", size.path("id").asString(),
                        "colourId", kitchen.path("colours").get(0).path("id").asString(), "quantity", 2)),
                "shippingMethodId", standardDelivery(),
                "shippingAddress", address());
        Gateway.Reply summary = gateway.post("/v1/checkout/summary", Map.of("items", basket.get("items"),
                "shippingMethodId", basket.get("shippingMethodId"), "country", "GB"));
        assertThat(summary.status()).as(summary.raw()).isEqualTo(200);
        BigDecimal unit = size.path("price").decimalValue();
        assertThat(summary.data().path("subtotal").decimalValue()).isEqualByComparingTo(unit.multiply(BigDecimal.TWO));

        Gateway.Reply tampered = gateway.post("/v1/orders", withField(basket, "totalAmount", 1.00),
                headers(as, "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(tampered.status()).as("a client-sent amount is refused: " + tampered.raw()).isEqualTo(400);

        String key = UUID.randomUUID().toString();
        Instant ordered = Instant.now();
        Gateway.Reply created = gateway.post("/v1/orders", basket, headers(as, "Idempotency-Key", key));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode order = created.data();
        String orderId = order.path("orderId").asString();
        assertThat(order.path("totalAmount").decimalValue()).isEqualByComparingTo(summary.data().path("totalAmount").decimalValue());
        Gateway.Reply replay = gateway.post("/v1/orders", basket, headers(as, "Idempotency-Key", key));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.data().path("orderId").asString()).isEqualTo(orderId);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");

        JsonNode payment = order.path("payment");
        Gateway.Reply paid = gateway.post("/v1/payments/offline/confirm", Map.of(
                "paymentIntentId", payment.path("paymentIntentId").asString(),
                "clientSecret", payment.path("clientSecret").asString(),
                "paymentMethod", "pm_card_visa"), headers(as));
        assertThat(paid.status()).as(paid.raw()).isBetween(200, 202);

        JsonNode confirmed = awaitOrder(as, orderId, o -> "CONFIRMED".equals(o.path("status").asString()));
        Duration orderToConfirmed = Duration.between(ordered, Instant.now());
        System.out.println("order-to-confirmed latency (create → webhook → CONFIRMED visible): "
                + orderToConfirmed.toMillis() + " ms");
        assertThat(confirmed.path("paymentStatus").asString()).isEqualTo("PAID");
        String orderNumber = confirmed.path("orderNumber").asString();

        JsonNode receipt = awaitMail(customer.email(), "payment receipt for " + orderNumber);
        assertThat(receipt.path("text").asString()).contains(orderNumber);
        awaitMail(customer.email(), "Thank you for your order " + orderNumber);

        JsonNode invoice = awaitDocument(as, orderId, "INVOICE");
        Gateway.Reply pdf = gateway.get("/v1/invoices/" + invoice.path("id").asString() + "/download", headers(as));
        assertThat(pdf.status()).as(pdf.raw()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.raw()).startsWith("%PDF");

        String[] stranger = signIn(RunningPlatform.demoAccount(Role.CONSULTANT), "198.51.100.202");
        assertThat(gateway.get("/v1/orders/" + orderId, headers(stranger)).status()).isIn(403, 404);

        String[] admin = signInStaff(RunningPlatform.demoAccount(Role.ADMIN), "198.51.100.203");
        Gateway.Reply refund = gateway.post("/v1/refunds", Map.of("orderId", orderId, "amount", 10.00,
                "reason", "GOODWILL", "notes", "Delivery slot moved twice"),
                headers(admin, "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(refund.status()).as(refund.raw()).isEqualTo(201);
        JsonNode refunded = awaitOrder(as, orderId, o -> o.path("amountRefunded").decimalValue().signum() > 0);
        assertThat(refunded.path("paymentStatus").asString()).isEqualTo("PARTIALLY_REFUNDED");
        JsonNode creditNote = awaitDocument(as, orderId, "CREDIT_NOTE");
        assertThat(creditNote.path("totalAmount").decimalValue().abs()).isEqualByComparingTo("10.00");
        assertThat(awaitMail(customer.email(), "Your refund for " + orderNumber).path("text").asString()).contains("10.00");
    }

    /** The detail page of the first in-stock product: its sizes are the variants a basket line names. */
    private JsonNode firstInStock(String category) throws Exception {
        Gateway.Reply page = gateway.get("/v1/products?category=" + category + "&limit=20");
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        for (JsonNode card : page.data()) {
            if ("IN_STOCK".equals(card.path("availability").asString())) {
                Gateway.Reply detail = gateway.get("/v1/products/slug/" + card.path("slug").asString());
                assertThat(detail.status()).as(detail.raw()).isEqualTo(200);
                return detail.data();
            }
        }
        throw new AssertionError("no " + category + " product in stock");
    }

    /** The first size the checkout summary accepts for two units (some demo sizes are out of stock). */
    private JsonNode firstOrderableSize(JsonNode product) throws Exception {
        for (JsonNode size : product.path("sizes")) {
            Gateway.Reply summary = gateway.post("/v1/checkout/summary", Map.of("country", "GB", "items", List.of(Map.of(
                    "productId", product.path("id").asString(), "variantId", size.path("id").asString(), "quantity", 2))));
            if (summary.status() == 200) {
                return size;
            }
        }
        throw new AssertionError("no size of " + product.path("title").asString() + " can be ordered");
    }

    private String standardDelivery() throws Exception {
        Gateway.Reply rates = gateway.get("/v1/shipping/rates?country=GB&categories=KITCHEN");
        assertThat(rates.status()).as(rates.raw()).isEqualTo(200);
        for (JsonNode rate : rates.data()) {
            if ("STANDARD".equals(rate.path("code").asString())) {
                return rate.path("id").asString();
            }
        }
        throw new AssertionError("no STANDARD delivery rate: " + rates.raw());
    }

    private static Map<String, Object> address() {
        return Map.of("fullName", "Grace Hopper", "addressLine1", "12 Harbour View Road", "city", "Bristol",
                "postcode", "bs1 5dd", "country", "GB", "phone", "07700 900123");
    }

    private static Map<String, Object> withField(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private JsonNode awaitOrder(String[] as, String orderId, Predicate<JsonNode> until) throws Exception {
        Instant deadline = Instant.now().plus(WEBHOOK_WAIT);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            Gateway.Reply reply = gateway.get("/v1/orders/" + orderId, headers(as));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            last = reply.data();
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("order never reached the expected state: " + last);
    }

    private JsonNode awaitDocument(String[] as, String orderId, String type) throws Exception {
        Instant deadline = Instant.now().plus(WEBHOOK_WAIT);
        while (Instant.now().isBefore(deadline)) {
            Gateway.Reply reply = gateway.get("/v1/invoices/order/" + orderId, headers(as));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            for (JsonNode document : reply.data()) {
                if (type.equals(document.path("type").asString())) {
                    return document;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + type + " for order " + orderId);
    }

    /** An email to {@code inbox} whose subject contains {@code subject} (other tests mail the demo customer too). */
    private static JsonNode awaitMail(String inbox, String subject) throws Exception {
        Instant deadline = Instant.now().plus(WEBHOOK_WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode mail : RunningPlatform.mailbox().allTo(inbox)) {
                if (mail.path("subject").asString().contains(subject)) {
                    return mail;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no email with subject '" + subject + "' reached " + inbox);
    }

    /** {bearer token, client address}: each caller keeps its own rate-limit budget. */
    private String[] signIn(DemoAccount account, String clientAddress) throws Exception {
        Gateway.Reply login = gateway.post("/v1/auth/login", Map.of("email", account.email(), "password", account.password()),
                "X-Forwarded-For", clientAddress);
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return new String[] {login.data().path("accessToken").asString(), clientAddress};
    }

    private String[] signInStaff(DemoAccount account, String clientAddress) throws Exception {
        Gateway.Reply login = gateway.post("/v1/auth/login", Map.of("email", account.email(), "password", account.password()),
                "X-Forwarded-For", clientAddress);
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        String code = Totp.codeAt(Base32.decode(account.totpSecretBase32OrNull()), Instant.now());
        Gateway.Reply verified = gateway.post("/v1/auth/mfa/verify",
                Map.of("mfaToken", login.data().path("mfaToken").asString(), "code", code), "X-Forwarded-For", clientAddress);
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        return new String[] {verified.data().path("accessToken").asString(), clientAddress};
    }

    private static String[] headers(String[] as, String... more) {
        String[] all = new String[4 + more.length];
        all[0] = "Authorization";
        all[1] = "Bearer " + as[0];
        all[2] = "X-Forwarded-For";
        all[3] = as[1];
        System.arraycopy(more, 0, all, 4, more.length);
        return all;
    }
}
