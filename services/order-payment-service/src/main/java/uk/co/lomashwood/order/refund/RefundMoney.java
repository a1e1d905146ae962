package uk.co.lomashwood.order.refund;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.order.order.OrderPaymentStatus;
import uk.co.lomashwood.order.order.OrderStatus;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What a succeeded refund does to the payment attempt and the order (spec 20 §2.4.8): refunded totals recomputed from
 * the SUCCEEDED refunds, paymentStatus PARTIALLY_REFUNDED or REFUNDED, order REFUNDED once everything paid is back
 * (a CANCELLED order stays CANCELLED), each change in the status history. Runs under the order row lock.
 */
@Component
class RefundMoney {

    private final JdbcClient jdbc;
    private final Refunds refunds;
    private final RefundableOrders orders;

    RefundMoney(JdbcClient jdbc, Refunds refunds, RefundableOrders orders) {
        this.jdbc = jdbc;
        this.refunds = refunds;
        this.orders = orders;
    }

    /** @return the order's funds after the refund */
    OrderFunds applySettled(Refund refund, String actor, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        long paymentRefunded = refunds.sumForPayment(refund.paymentId(), RefundStatus.SUCCEEDED);
        jdbc.sql("""
                        UPDATE payments SET amount_refunded = LEAST(amount, :refunded),
                               status = CASE WHEN status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED')
                                             THEN CASE WHEN :refunded >= amount THEN 'REFUNDED' ELSE 'PARTIALLY_REFUNDED' END
                                             ELSE status END,
                               refunded_at = CASE WHEN :refunded >= amount THEN :at ELSE refunded_at END, updated_at = :at
                         WHERE id = :id""")
                .param("refunded", paymentRefunded).param("at", at).param("id", refund.paymentId()).update();
        OrderFunds funds = orders.read(refund.orderId()).orElseThrow();
        boolean full = funds.settled() >= funds.amountPaid();
        OrderPaymentStatus paymentStatus = full ? OrderPaymentStatus.REFUNDED : OrderPaymentStatus.PARTIALLY_REFUNDED;
        boolean paymentMoves = funds.paymentStatus() != paymentStatus && funds.paymentStatus().canMoveTo(paymentStatus);
        boolean orderMoves = full && funds.status().canMoveTo(OrderStatus.REFUNDED);
        jdbc.sql("""
                        UPDATE orders SET amount_refunded = LEAST(amount_paid, :refunded), payment_status = :paymentStatus,
                               status = :status, version = version + 1, updated_at = :at WHERE id = :id""")
                .param("refunded", funds.settled())
                .param("paymentStatus", (paymentMoves ? paymentStatus : funds.paymentStatus()).name())
                .param("status", (orderMoves ? OrderStatus.REFUNDED : funds.status()).name())
                .param("at", at).param("id", refund.orderId()).update();
        String note = "Refund " + refund.id() + " settled";
        if (paymentMoves) {
            history(refund, "paymentStatus", funds.paymentStatus().name(), paymentStatus.name(), actor, note, now);
        }
        if (orderMoves) {
            history(refund, "status", funds.status().name(), OrderStatus.REFUNDED.name(), actor, note, now);
        }
        return orders.read(refund.orderId()).orElseThrow();
    }

    private void history(Refund refund, String field, String from, String to, String actor, String notes, Instant now) {
        jdbc.sql("""
                        INSERT INTO order_status_history (id, order_id, field, from_status, to_status, changed_by, actor_type,
                                                          notes, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'SYSTEM', ?, ?)""")
                .params(Uuids.v7(), refund.orderId(), field, from, to, actor, notes, now.atOffset(ZoneOffset.UTC)).update();
    }
}
