package uk.co.lomashwood.order.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.co.lomashwood.order.stripe.PaymentGateway;

/** SQL for {@code payments} and {@code payment_transactions} (spec 20 §2.2). */
@Repository
public class PaymentStore {

    private static final String COLUMNS = """
            id, order_id, attempt_no, method, status, amount, amount_refunded, currency, stripe_payment_intent_id,
            stripe_client_secret, stripe_charge_id, card_brand, card_last4, card_exp_month, card_exp_year,
            receipt_url, failure_code, failure_message, cancellation_source, metadata::text AS metadata,
            succeeded_at, failed_at, cancelled_at, refunded_at, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public PaymentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new PENDING attempt without its intent yet; empty when that attempt number already exists. */
    public Optional<PaymentRow> insertAttempt(UUID orderId, int attemptNo, long amount) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        INSERT INTO payments (id, order_id, attempt_no, status, amount, currency, stripe_idempotency_key)
                        VALUES (:id, :orderId, :attemptNo, 'PENDING', :amount, 'GBP', :key)
                        ON CONFLICT (order_id, attempt_no) DO NOTHING""")
                .param("id", id).param("orderId", orderId).param("attemptNo", attemptNo).param("amount", amount)
                .param("key", "pi-create:" + orderId + ":" + attemptNo)
                .update();
        return inserted == 1 ? find(id) : Optional.empty();
    }

    public Optional<PaymentRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = ?").param(id).query(PaymentStore::map)
                .optional();
    }

    public Optional<PaymentRow> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = ? FOR UPDATE").param(id)
                .query(PaymentStore::map).optional();
    }

    public Optional<PaymentRow> findByIntent(String paymentIntentId) {
        return findByStripeId("stripe_payment_intent_id", paymentIntentId);
    }

    public Optional<PaymentRow> findByCharge(String chargeId) {
        return findByStripeId("stripe_charge_id", chargeId);
    }

    private Optional<PaymentRow> findByStripeId(String column, String value) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE " + column + " = ?")
                .param(value).query(PaymentStore::map).optional();
    }

    /** Every attempt of the order, oldest first. */
    public List<PaymentRow> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = ? ORDER BY attempt_no")
                .param(orderId).query(PaymentStore::map).list();
    }

    public Optional<PaymentRow> latestOf(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = ? ORDER BY attempt_no DESC LIMIT 1")
                .param(orderId).query(PaymentStore::map).optional();
    }

    public void attachIntent(UUID id, PaymentGateway.Intent intent) {
        jdbc.sql("""
                        UPDATE payments SET stripe_payment_intent_id = :intent, stripe_client_secret = :secret,
                               updated_at = :now WHERE id = :id""")
                .param("intent", intent.id()).param("secret", intent.clientSecret()).param("now", now())
                .param("id", id).update();
    }

    public void markFailed(UUID id, String code, String message) {
        jdbc.sql("""
                        UPDATE payments SET status = 'FAILED', failure_code = :code, failure_message = :message,
                               failed_at = :now, updated_at = :now WHERE id = :id""")
                .param("code", truncate(code, 100)).param("message", message).param("now", now()).param("id", id)
                .update();
    }

    public void moveTo(UUID id, PaymentStatus status) {
        jdbc.sql("UPDATE payments SET status = :status, updated_at = :now WHERE id = :id")
                .param("status", status.name()).param("now", now()).param("id", id).update();
    }

    /** Notes who cancels before the provider is asked, so the {@code canceled} webhook knows it was ours. */
    public void noteCancellationSource(UUID id, String source) {
        jdbc.sql("""
                        UPDATE payments SET cancellation_source = COALESCE(cancellation_source, :source),
                               updated_at = :now WHERE id = :id""")
                .param("source", source).param("now", now()).param("id", id).update();
    }

    /** CANCELLED unless the attempt has meanwhile taken the money (a capture always wins). */
    public void markCancelled(UUID id, String source) {
        jdbc.sql("""
                        UPDATE payments SET status = 'CANCELLED', cancellation_source = COALESCE(cancellation_source, :source),
                               cancelled_at = :now, updated_at = :now
                        WHERE id = :id AND status IN ('PENDING', 'REQUIRES_ACTION', 'PROCESSING', 'FAILED')""")
                .param("source", source).param("now", now()).param("id", id).update();
    }

    public void markSucceeded(UUID id, PaymentGateway.Charge charge) {
        jdbc.sql("""
                        UPDATE payments SET status = 'SUCCEEDED', method = :method, stripe_charge_id = :chargeId,
                               stripe_payment_method_id = :pm, card_brand = :brand, card_last4 = :last4,
                               card_exp_month = :expMonth, card_exp_year = :expYear, receipt_url = :receipt,
                               succeeded_at = :now, updated_at = :now WHERE id = :id""")
                .param("method", charge == null ? "CARD" : charge.method())
                .param("chargeId", charge == null ? null : charge.id())
                .param("pm", charge == null ? null : charge.paymentMethodId())
                .param("brand", charge == null ? null : charge.cardBrand())
                .param("last4", charge == null ? null : charge.cardLast4())
                .param("expMonth", charge == null ? null : charge.cardExpMonth())
                .param("expYear", charge == null ? null : charge.cardExpYear())
                .param("receipt", charge == null ? null : charge.receiptUrl())
                .param("now", now()).param("id", id).update();
    }

    /** Merges {@code json} (an object) into the row's metadata. */
    public void mergeMetadata(UUID id, String json) {
        jdbc.sql("""
                        UPDATE payments SET metadata = COALESCE(metadata, '{}'::jsonb) || CAST(:json AS jsonb),
                               updated_at = :now WHERE id = :id""")
                .param("json", json).param("now", now()).param("id", id).update();
    }

    public void insertTransaction(UUID paymentId, String type, String status, long amount, String providerId,
                                  String stripeEventId, String errorCode, String errorMessage) {
        jdbc.sql("""
                        INSERT INTO payment_transactions (id, payment_id, type, status, amount, currency,
                               provider_transaction_id, stripe_event_id, error_code, error_message)
                        VALUES (:id, :paymentId, :type, :status, :amount, 'GBP', :providerId, :eventId, :code, :message)""")
                .param("id", UUID.randomUUID()).param("paymentId", paymentId).param("type", type)
                .param("status", status).param("amount", amount).param("providerId", providerId)
                .param("eventId", stripeEventId).param("code", truncate(errorCode, 100)).param("message", errorMessage)
                .update();
    }

    /**
     * Attempts that may have missed a webhook: open, untouched since {@code staleBefore}, created in
     * [{@code since}, {@code until}).
     */
    public List<PaymentRow> staleOpen(Instant staleBefore, Instant since, Instant until, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM payments WHERE status IN ('PENDING', 'REQUIRES_ACTION', 'PROCESSING')
                          AND stripe_payment_intent_id IS NOT NULL AND updated_at < :stale
                          AND created_at >= :since AND created_at < :until
                        ORDER BY updated_at LIMIT :limit""")
                .param("stale", Timestamp.from(staleBefore)).param("since", Timestamp.from(since))
                .param("until", Timestamp.from(until)).param("limit", limit).query(PaymentStore::map).list();
    }

    /** Marks an attempt as checked so the next reconciliation run does not pick it again straight away. */
    public void touch(UUID id) {
        jdbc.sql("UPDATE payments SET updated_at = :now WHERE id = :id").param("now", now()).param("id", id).update();
    }

    public boolean anyOther(UUID orderId, UUID exceptId, Collection<PaymentStatus> statuses) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE order_id = :orderId AND id <> :id AND status IN (:statuses)")
                .param("orderId", orderId).param("id", exceptId)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(Long.class).single() > 0;
    }

    /** Admin list (spec 20 §2.3 {@code GET /v1/payments}), newest first. */
    public List<PaymentRow> page(Filter filter, long offset, int limit) {
        return filter.apply(jdbc.sql("SELECT " + COLUMNS + " FROM payments p WHERE " + filter.where()
                        + " ORDER BY p.created_at DESC, p.id LIMIT :limit OFFSET :offset"))
                .param("limit", limit).param("offset", offset).query(PaymentStore::map).list();
    }

    public long count(Filter filter) {
        return filter.apply(jdbc.sql("SELECT count(*) FROM payments p WHERE "
                + filter.where())).query(Long.class).single();
    }

    /** Admin list filters; null means "any". */
    public record Filter(List<String> statuses, UUID orderId, UUID userId) {
        String where() {
            StringBuilder where = new StringBuilder("true");
            if (statuses != null && !statuses.isEmpty()) {
                where.append(" AND p.status IN (:statuses)");
            }
            if (orderId != null) {
                where.append(" AND p.order_id = :orderId");
            }
            if (userId != null) {
                where.append(" AND p.order_id IN (SELECT id FROM orders WHERE user_id = :userId)");
            }
            return where.toString();
        }

        JdbcClient.StatementSpec apply(JdbcClient.StatementSpec spec) {
            JdbcClient.StatementSpec result = spec;
            if (statuses != null && !statuses.isEmpty()) {
                result = result.param("statuses", statuses);
            }
            if (orderId != null) {
                result = result.param("orderId", orderId);
            }
            if (userId != null) {
                result = result.param("userId", userId);
            }
            return result;
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static PaymentRow map(ResultSet rs, int row) throws SQLException {
        return new PaymentRow(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getInt("attempt_no"), rs.getString("method"), PaymentStatus.valueOf(rs.getString("status")),
                rs.getLong("amount"), rs.getLong("amount_refunded"), rs.getString("currency"),
                rs.getString("stripe_payment_intent_id"), rs.getString("stripe_client_secret"),
                rs.getString("stripe_charge_id"), rs.getString("card_brand"), rs.getString("card_last4"),
                (Integer) rs.getObject("card_exp_month"), (Integer) rs.getObject("card_exp_year"),
                rs.getString("receipt_url"), rs.getString("failure_code"), rs.getString("failure_message"),
                rs.getString("cancellation_source"), rs.getString("metadata"), instant(rs, "succeeded_at"),
                instant(rs, "failed_at"), instant(rs, "cancelled_at"), instant(rs, "refunded_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
