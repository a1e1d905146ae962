package uk.co.lomashwood.order.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data: a paid order written with SQL as the order and payment features would leave it (CONFIRMED / PAID, one
 * SUCCEEDED attempt paid by Visa 4242). Two item lines and standard delivery: £240.00 + £50.00 net, £9.95 delivery,
 * VAT £59.99, total £359.94.
 */
public final class PaidOrderBuilder {

    public static final long TOTAL = 35994;
    public static final String DOOR = "Shaker Oak Kitchen Door";
    public static final String HANDLE = "Brushed Brass Cup Handle";

    public record PaidOrder(UUID orderId, String orderNumber, UUID userId, UUID paymentId, String paymentIntentId,
                            UUID doorItemId, UUID handleItemId) {
    }

    private final JdbcClient jdbc;
    private UUID userId = UUID.randomUUID();
    private Instant paidAt = Instant.now();
    private String status = "CONFIRMED";
    private String paymentStatus = "PAID";
    private boolean attempt = true;

    public PaidOrderBuilder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PaidOrderBuilder user(UUID owner) {
        this.userId = owner;
        return this;
    }

    public PaidOrderBuilder paidAt(Instant at) {
        this.paidAt = at;
        return this;
    }

    public PaidOrderBuilder status(String orderStatus) {
        this.status = orderStatus;
        return this;
    }

    public PaidOrderBuilder unpaid() {
        this.status = "PENDING";
        this.paymentStatus = "UNPAID";
        return this;
    }

    /** PENDING / UNPAID with no payment attempt yet: the payment feature opens one. */
    public PaidOrderBuilder awaitingPayment() {
        unpaid();
        this.attempt = false;
        return this;
    }

    public PaidOrder create() {
        UUID orderId = UUID.randomUUID();
        String number = "LW-9" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        var at = paidAt.atOffset(ZoneOffset.UTC);
        boolean paid = paymentStatus.equals("PAID");
        String address = """
                {"fullName": "Jane Customer", "addressLine1": "10 Downing Street", "city": "London", "postcode": "SW1A 2AA",
                 "country": "GB", "phone": "07700900123"}""";
        jdbc.sql("""
                        INSERT INTO orders (id, order_number, user_id, customer_email, customer_name, customer_phone, status,
                            payment_status, subtotal, discount_amount, shipping_amount, tax_amount, total_amount, amount_paid,
                            shipping_method_id, shipping_address, billing_address, expires_at, confirmed_at, created_at)
                        VALUES (?, ?, ?, 'jane.customer@example.com', 'Jane Customer', '07700900123', ?, ?, 29000, 0, 995,
                            5999, 35994, ?, '0190f5a0-0000-7000-8000-000000000001', CAST(? AS jsonb), CAST(? AS jsonb),
                            ?, ?, ?)""")
                .params(orderId, number, userId, status, paymentStatus, paid ? TOTAL : 0, address, address,
                        at.plusMinutes(30), paid ? at : null, at.minusMinutes(5))
                .update();
        UUID door = item(orderId, DOOR, "Shaker", "Natural Oak", "SHK-OAK-600", 2, 12000, 4800, at);
        UUID handle = item(orderId, HANDLE, null, "Brass", "HDL-BRS-128", 4, 1250, 1000, at.plusSeconds(1));
        if (!attempt) {
            return new PaidOrder(orderId, number, userId, null, null, door, handle);
        }
        UUID paymentId = UUID.randomUUID();
        String intent = "pi_" + paymentId.toString().replace("-", "").substring(0, 24);
        jdbc.sql("""
                        INSERT INTO payments (id, order_id, attempt_no, method, status, amount, stripe_payment_intent_id,
                            stripe_idempotency_key, stripe_charge_id, card_brand, card_last4, card_exp_month, card_exp_year,
                            succeeded_at, created_at)
                        VALUES (?, ?, 1, 'CARD', ?, 35994, ?, ?, ?, 'visa', '4242', 12, 2030, ?, ?)""")
                .params(paymentId, orderId, paid ? "SUCCEEDED" : "PENDING", intent, "pi-create:" + orderId + ":1",
                        paid ? "ch_" + intent.substring(3) : null, paid ? at : null, at.minusMinutes(4))
                .update();
        return new PaidOrder(orderId, number, userId, paymentId, intent, door, handle);
    }

    private UUID item(UUID orderId, String title, String variant, String colour, String sku, int quantity, long unitPrice,
                      long tax, java.time.OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO order_items (id, order_id, product_id, variant_name, colour_name, product_title, sku, category,
                            quantity, unit_price, total_price, discount_amount, tax_rate, tax_amount, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'KITCHEN', ?, ?, ?, 0, 20.00, ?, ?)""")
                .params(id, orderId, UUID.randomUUID(), variant, colour, title, sku, quantity, unitPrice,
                        unitPrice * quantity, tax, at)
                .update();
        return id;
    }
}
