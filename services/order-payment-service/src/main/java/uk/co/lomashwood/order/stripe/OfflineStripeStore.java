package uk.co.lomashwood.order.stripe;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The offline provider's intents and refunds ({@code offline_payment_intents}, {@code offline_refunds}). */
class OfflineStripeStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    OfflineStripeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the intent unless its idempotency key was already used; either way returns the key's intent. */
    OfflineIntent insertOnce(OfflineIntent intent) {
        jdbc.sql("""
                INSERT INTO offline_payment_intents (id, client_secret, idempotency_key, status, amount, currency, description,
                    receipt_email, customer_id, setup_future_usage, metadata, created_at, updated_at)
                VALUES (:id, :secret, :key, :status, :amount, :currency, :description, :email, :customer, :sfu,
                    CAST(:metadata AS jsonb), :at, :at)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("id", intent.id()).param("secret", intent.clientSecret()).param("key", intent.idempotencyKey())
                .param("status", intent.status()).param("amount", intent.amount()).param("currency", intent.currency())
                .param("description", intent.description()).param("email", intent.receiptEmail())
                .param("customer", intent.customerId()).param("sfu", intent.setupFutureUsage())
                .param("metadata", JSON.writeValueAsString(intent.metadata())).param("at", Timestamp.from(intent.createdAt()))
                .update();
        return jdbc.sql("SELECT * FROM offline_payment_intents WHERE idempotency_key = ?").param(intent.idempotencyKey())
                .query(this::intent).single();
    }

    Optional<OfflineIntent> intent(String id, boolean lock) {
        return jdbc.sql("SELECT * FROM offline_payment_intents WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id).query(this::intent).optional();
    }

    void update(OfflineIntent intent, Instant now) {
        jdbc.sql("""
                UPDATE offline_payment_intents SET status = :status, payment_method = :pm, charge_id = :charge,
                    charge_status = :chargeStatus, card_brand = :brand, card_last4 = :last4, card_exp_month = :month,
                    card_exp_year = :year, amount_refunded = :refunded, last_error_code = :code,
                    last_error_decline_code = :decline, last_error_message = :message,
                    cancellation_reason = :cancellation, updated_at = :now
                WHERE id = :id""")
                .param("status", intent.status()).param("pm", intent.paymentMethod()).param("charge", intent.chargeId())
                .param("chargeStatus", intent.chargeStatus()).param("brand", intent.cardBrand())
                .param("last4", intent.cardLast4()).param("month", intent.cardExpMonth()).param("year", intent.cardExpYear())
                .param("refunded", intent.amountRefunded()).param("code", intent.lastErrorCode())
                .param("decline", intent.lastErrorDeclineCode()).param("message", intent.lastErrorMessage())
                .param("cancellation", intent.cancellationReason()).param("now", Timestamp.from(now))
                .param("id", intent.id()).update();
    }

    /** Inserts the refund unless its idempotency key was already used; either way returns the key's refund. */
    OfflineRefund insertOnce(OfflineRefund refund) {
        jdbc.sql("""
                INSERT INTO offline_refunds (id, payment_intent_id, charge_id, idempotency_key, amount, currency, status,
                    reason, metadata, created_at, updated_at)
                VALUES (:id, :pi, :charge, :key, :amount, :currency, :status, :reason, CAST(:metadata AS jsonb), :at, :at)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("id", refund.id()).param("pi", refund.paymentIntentId()).param("charge", refund.chargeId())
                .param("key", refund.idempotencyKey()).param("amount", refund.amount()).param("currency", refund.currency())
                .param("status", refund.status()).param("reason", refund.reason())
                .param("metadata", JSON.writeValueAsString(refund.metadata())).param("at", Timestamp.from(refund.createdAt()))
                .update();
        return jdbc.sql("SELECT * FROM offline_refunds WHERE idempotency_key = ?").param(refund.idempotencyKey())
                .query(this::refund).single();
    }

    Optional<OfflineRefund> refund(String id, boolean lock) {
        return jdbc.sql("SELECT * FROM offline_refunds WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id).query(this::refund).optional();
    }

    List<OfflineRefund> refundsOf(String paymentIntentId) {
        return jdbc.sql("SELECT * FROM offline_refunds WHERE payment_intent_id = ? ORDER BY created_at DESC, id")
                .param(paymentIntentId).query(this::refund).list();
    }

    /** Pending refunds created before {@code cutoff}, locked for settling by this instance only. */
    List<OfflineRefund> pendingBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT * FROM offline_refunds WHERE status = 'pending' AND created_at <= ?
                ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(cutoff)).param(limit).query(this::refund).list();
    }

    void markSucceeded(OfflineRefund refund, Instant now) {
        jdbc.sql("UPDATE offline_refunds SET status = ?, updated_at = ? WHERE id = ?")
                .param(refund.status()).param(Timestamp.from(now)).param(refund.id()).update();
    }

    private OfflineIntent intent(ResultSet rs, int row) throws SQLException {
        return new OfflineIntent(rs.getString("id"), rs.getString("client_secret"), rs.getString("idempotency_key"),
                rs.getString("status"), rs.getLong("amount"), rs.getString("currency"), rs.getString("description"),
                rs.getString("receipt_email"), rs.getString("customer_id"), rs.getString("setup_future_usage"),
                metadata(rs.getString("metadata")), rs.getString("payment_method"), rs.getString("charge_id"),
                rs.getString("charge_status"), rs.getString("card_brand"), rs.getString("card_last4"),
                rs.getObject("card_exp_month", Integer.class), rs.getObject("card_exp_year", Integer.class),
                rs.getLong("amount_refunded"), rs.getString("last_error_code"), rs.getString("last_error_decline_code"),
                rs.getString("last_error_message"), rs.getString("cancellation_reason"),
                rs.getTimestamp("created_at").toInstant());
    }

    private OfflineRefund refund(ResultSet rs, int row) throws SQLException {
        return new OfflineRefund(rs.getString("id"), rs.getString("payment_intent_id"), rs.getString("charge_id"),
                rs.getString("idempotency_key"), rs.getLong("amount"), rs.getString("currency"), rs.getString("status"),
                rs.getString("reason"), rs.getString("failure_reason"), metadata(rs.getString("metadata")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Map<String, String> metadata(String json) {
        return json == null ? Map.of() : Map.copyOf(JSON.readValue(json, METADATA));
    }
}
