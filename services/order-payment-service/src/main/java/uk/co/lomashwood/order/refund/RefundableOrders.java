package uk.co.lomashwood.order.refund;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.order.order.OrderPaymentStatus;
import uk.co.lomashwood.order.order.OrderStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Reads {@link OrderFunds} from orders, the captured payment attempt and the order's refunds. */
@Component
class RefundableOrders {

    private static final String SELECT = """
            SELECT o.id, o.order_number, o.user_id, o.status, o.payment_status, o.amount_paid, o.currency, o.confirmed_at,
                   p.id AS payment_id, p.stripe_payment_intent_id, p.succeeded_at, p.amount AS payment_amount,
                   (SELECT COALESCE(sum(r.amount), 0) FROM refunds r WHERE r.order_id = o.id AND r.status = 'SUCCEEDED') AS settled,
                   (SELECT COALESCE(sum(r.amount), 0) FROM refunds r
                     WHERE r.order_id = o.id AND r.status IN ('PENDING', 'PROCESSING')) AS pending,
                   (SELECT count(*) FROM refunds r WHERE r.order_id = o.id) AS refund_count
              FROM orders o
              LEFT JOIN LATERAL (SELECT * FROM payments p WHERE p.order_id = o.id
                                    AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED')
                                  ORDER BY p.succeeded_at DESC NULLS LAST LIMIT 1) p ON true
             WHERE o.id = ? AND o.deleted_at IS NULL""";

    private final JdbcClient jdbc;

    RefundableOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrderFunds> read(UUID orderId) {
        return jdbc.sql(SELECT).param(orderId).query(RefundableOrders::map).optional();
    }

    /** Locks the order row for the rest of the transaction, then reads its funds. */
    Optional<OrderFunds> lock(UUID orderId) {
        boolean exists = jdbc.sql("SELECT id FROM orders WHERE id = ? AND deleted_at IS NULL FOR UPDATE").param(orderId)
                .query(UUID.class).optional().isPresent();
        return exists ? read(orderId) : Optional.empty();
    }

    Optional<UUID> owner(UUID orderId) {
        return jdbc.sql("SELECT user_id FROM orders WHERE id = ? AND deleted_at IS NULL").param(orderId).query(UUID.class)
                .optional();
    }

    private static OrderFunds map(ResultSet rs, int row) throws SQLException {
        long paid = rs.getLong("amount_paid");
        long paymentAmount = rs.getLong("payment_amount");
        var paidAt = Refunds.instant(rs, "succeeded_at");
        return new OrderFunds(rs.getObject("id", UUID.class), rs.getString("order_number"),
                rs.getObject("user_id", UUID.class), OrderStatus.valueOf(rs.getString("status")),
                OrderPaymentStatus.valueOf(rs.getString("payment_status")), paid > 0 ? paid : paymentAmount,
                rs.getString("currency"), rs.getObject("payment_id", UUID.class), rs.getString("stripe_payment_intent_id"),
                paidAt != null ? paidAt : Refunds.instant(rs, "confirmed_at"), rs.getLong("settled"), rs.getLong("pending"),
                rs.getLong("refund_count"));
    }
}
