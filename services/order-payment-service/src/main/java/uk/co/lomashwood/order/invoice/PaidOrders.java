package uk.co.lomashwood.order.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Line;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What an invoice is made from, read with SQL from orders, order_items, shipping_methods and payments. */
@Component
class PaidOrders {

    /** Order payment states in which money has been taken at some point. */
    static final Set<String> PAID_STATES = Set.of("PAID", "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED", "CHARGED_BACK");
    static final String CAPTURED = "'SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED'";

    record PaidOrder(UUID id, String orderNumber, UUID userId, String customerEmail, String customerName,
                     String customerPhone, String paymentStatus, long subtotal, long discountAmount, long shippingAmount,
                     long taxAmount, long totalAmount, long amountPaid, String currency, JsonNode shippingAddress,
                     JsonNode billingAddress, Instant confirmedAt, String shippingMethod) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    PaidOrders(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The order with its row locked for the rest of the caller's transaction. */
    Optional<PaidOrder> lock(UUID orderId) {
        return jdbc.sql("""
                        SELECT o.*, sm.name AS shipping_method_name FROM orders o
                          JOIN shipping_methods sm ON sm.id = o.shipping_method_id
                         WHERE o.id = ? AND o.deleted_at IS NULL FOR UPDATE OF o""")
                .param(orderId).query(this::order).optional();
    }

    /** The captured attempt's masked card data and time of payment. */
    Optional<Payment> capturedPayment(UUID orderId) {
        return jdbc.sql("SELECT method, card_brand, card_last4, stripe_charge_id, succeeded_at, amount FROM payments"
                        + " WHERE order_id = ? AND status IN (" + CAPTURED + ") ORDER BY succeeded_at DESC NULLS LAST LIMIT 1")
                .param(orderId)
                .query((rs, n) -> new Payment(rs.getString("method"), rs.getString("card_brand"), rs.getString("card_last4"),
                        rs.getString("stripe_charge_id"), Invoices.instant(rs, "succeeded_at"), rs.getLong("amount")))
                .optional();
    }

    /** The item lines in the order they were bought. */
    List<Line> itemLines(UUID orderId) {
        return jdbc.sql("""
                        SELECT product_title, variant_name, colour_name, sku, quantity, unit_price, total_price,
                               discount_amount, tax_rate, tax_amount
                          FROM order_items WHERE order_id = ? ORDER BY created_at, product_title, sku, id""")
                .param(orderId)
                .query((rs, n) -> new Line("ITEM", rs.getString("product_title"), rs.getString("variant_name"),
                        rs.getString("colour_name"), rs.getString("sku"), rs.getInt("quantity"), rs.getLong("unit_price"),
                        rs.getLong("discount_amount"), rs.getLong("total_price") - rs.getLong("discount_amount"),
                        rs.getBigDecimal("tax_rate").setScale(2), rs.getLong("tax_amount")))
                .list();
    }

    /** The delivery line carries whatever VAT of the order the item lines do not (spec 20 §2.4.1 step 6). */
    static Line deliveryLine(PaidOrder order, List<Line> items) {
        long itemVat = items.stream().mapToLong(Line::vatAmount).sum();
        return new Line("DELIVERY", "Delivery: " + order.shippingMethod(), null, null, null, 1, order.shippingAmount(), 0,
                order.shippingAmount(), new BigDecimal("20.00"), order.taxAmount() - itemVat);
    }

    private PaidOrder order(ResultSet rs, int row) throws SQLException {
        return new PaidOrder(rs.getObject("id", UUID.class), rs.getString("order_number"),
                rs.getObject("user_id", UUID.class), rs.getString("customer_email"), rs.getString("customer_name"),
                rs.getString("customer_phone"), rs.getString("payment_status"), rs.getLong("subtotal"),
                rs.getLong("discount_amount"), rs.getLong("shipping_amount"), rs.getLong("tax_amount"),
                rs.getLong("total_amount"), rs.getLong("amount_paid"), rs.getString("currency"),
                json.readTree(rs.getString("shipping_address")), json.readTree(rs.getString("billing_address")),
                Invoices.instant(rs, "confirmed_at"), rs.getString("shipping_method_name"));
    }
}
