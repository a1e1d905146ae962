package uk.co.lomashwood.order.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.co.lomashwood.order.order.OrderPaymentStatus;
import uk.co.lomashwood.order.order.OrderStatus;

/**
 * What payments change on an order: its two state machines (every move checked with {@code canMoveTo} and written
 * to {@code order_status_history}), the amount paid and the coupon usage. Callers hold the order row lock.
 */
@Repository
public class OrderLedger {

    private static final String COLUMNS = """
            id, order_number, user_id, customer_email, customer_name, customer_phone, status, payment_status,
            subtotal, discount_amount, loyalty_points_redeemed, shipping_amount, tax_amount, total_amount, amount_paid,
            currency, coupon_code, appointment_id, source, shipping_address::text AS shipping_address, expires_at,
            confirmed_at, created_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public OrderLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<OrderRow> find(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ? AND deleted_at IS NULL").param(orderId)
                .query(OrderLedger::map).optional();
    }

    /** The caller's own order; another customer's is simply absent (404, never 403). */
    public Optional<OrderRow> findOwned(UUID orderId, UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ? AND user_id = ? AND deleted_at IS NULL")
                .params(orderId, userId).query(OrderLedger::map).optional();
    }

    /** {@code SELECT … FOR UPDATE}: serialises every payment change of one order (§2.4.6 step 5). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OrderRow> lock(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ? FOR UPDATE").param(orderId)
                .query(OrderLedger::map).optional();
    }

    /** Moves {@code status} if the state machine allows it; false (nothing written) otherwise. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean moveStatus(OrderRow order, OrderStatus next, String changedBy, String notes) {
        if (!order.status().canMoveTo(next)) {
            return false;
        }
        String stamp = switch (next) {
            case CONFIRMED -> ", confirmed_at = :now";
            default -> "";
        };
        jdbc.sql("UPDATE orders SET status = :status, updated_at = :now, version = version + 1" + stamp
                        + " WHERE id = :id")
                .param("status", next.name()).param("now", now()).param("id", order.id()).update();
        history(order.id(), "status", order.status().name(), next.name(), changedBy, notes);
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean movePaymentStatus(OrderRow order, OrderPaymentStatus next, String changedBy, String notes) {
        if (!order.paymentStatus().canMoveTo(next)) {
            return false;
        }
        jdbc.sql("UPDATE orders SET payment_status = :status, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("status", next.name()).param("now", now()).param("id", order.id()).update();
        history(order.id(), "paymentStatus", order.paymentStatus().name(), next.name(), changedBy, notes);
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordPaid(UUID orderId, long amount) {
        jdbc.sql("UPDATE orders SET amount_paid = :amount, updated_at = :now WHERE id = :id")
                .param("amount", amount).param("now", now()).param("id", orderId).update();
    }

    /** RESERVED → CONSUMED when the order is paid (§2.4.9). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void consumeCoupon(UUID orderId) {
        jdbc.sql("UPDATE coupon_usages SET status = 'CONSUMED', updated_at = :now WHERE order_id = :id AND status = 'RESERVED'")
                .param("now", now()).param("id", orderId).update();
    }

    private void history(UUID orderId, String field, String from, String to, String changedBy, String notes) {
        jdbc.sql("""
                        INSERT INTO order_status_history (id, order_id, field, from_status, to_status, changed_by,
                               actor_type, notes, created_at)
                        VALUES (:id, :orderId, :field, :from, :to, :by, 'SYSTEM', :notes, clock_timestamp())""")
                .param("id", UUID.randomUUID()).param("orderId", orderId).param("field", field).param("from", from)
                .param("to", to).param("by", changedBy).param("notes", notes).update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static OrderRow map(ResultSet rs, int row) throws SQLException {
        return new OrderRow(rs.getObject("id", UUID.class), rs.getString("order_number"),
                rs.getObject("user_id", UUID.class), rs.getString("customer_email"), rs.getString("customer_name"),
                rs.getString("customer_phone"), OrderStatus.valueOf(rs.getString("status")),
                OrderPaymentStatus.valueOf(rs.getString("payment_status")), rs.getLong("subtotal"),
                rs.getLong("discount_amount"), rs.getInt("loyalty_points_redeemed"), rs.getLong("shipping_amount"),
                rs.getLong("tax_amount"), rs.getLong("total_amount"), rs.getLong("amount_paid"),
                rs.getString("currency"), rs.getString("coupon_code"), rs.getObject("appointment_id", UUID.class),
                rs.getString("source"), rs.getString("shipping_address"), instant(rs, "expires_at"),
                instant(rs, "confirmed_at"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return PaymentStore.instant(rs, column);
    }
}
