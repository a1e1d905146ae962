package uk.co.lomashwood.order.refund;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code refunds} table (spec 20 §2.2). */
@Repository
public class Refunds {

    private static final String SELECT = """
            SELECT r.*, r.items::text AS items_json, r.metadata::text AS metadata_json,
                   (SELECT c.id FROM invoices c WHERE c.refund_id = r.id) AS credit_note_id
              FROM refunds r""";
    private static final TypeReference<List<Refund.Item>> ITEMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public Refunds(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Refund> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(this::map).optional();
    }

    Optional<Refund> lock(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = ? FOR UPDATE OF r").param(id).query(this::map).optional();
    }

    Optional<Refund> findByStripeId(String stripeRefundId) {
        return jdbc.sql(SELECT + " WHERE r.stripe_refund_id = ?").param(stripeRefundId).query(this::map).optional();
    }

    List<Refund> ofOrder(UUID orderId) {
        return jdbc.sql(SELECT + " WHERE r.order_id = ? ORDER BY r.created_at, r.id").param(orderId).query(this::map).list();
    }

    List<Refund> page(String where, Map<String, Object> params, String orderBy, int limit, long offset) {
        return jdbc.sql(SELECT + " WHERE " + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset).query(this::map).list();
    }

    long count(String where, Map<String, Object> params) {
        return jdbc.sql("SELECT count(*) FROM refunds r WHERE " + where).params(params).query(Long.class).single();
    }

    void insert(Refund r) {
        jdbc.sql("""
                        INSERT INTO refunds (id, order_id, payment_id, amount, currency, type, reason, notes, status,
                            stripe_refund_id, initiator, requested_by, items, idempotency_key, metadata, created_at, updated_at)
                        VALUES (:id, :orderId, :paymentId, :amount, :currency, :type, :reason, :notes, :status, :stripeId,
                            :initiator, :requestedBy, CAST(:items AS jsonb), :key, CAST(:metadata AS jsonb), :at, :at)""")
                .param("id", r.id()).param("orderId", r.orderId()).param("paymentId", r.paymentId())
                .param("amount", r.amount()).param("currency", r.currency()).param("type", r.type())
                .param("reason", r.reason()).param("notes", r.notes()).param("status", r.status().name())
                .param("stripeId", r.stripeRefundId()).param("initiator", r.initiator())
                .param("requestedBy", r.requestedBy())
                .param("items", r.items() == null || r.items().isEmpty() ? null : json.writeValueAsString(r.items()))
                .param("key", r.idempotencyKey())
                .param("metadata", r.metadata() == null ? null : json.writeValueAsString(r.metadata()))
                .param("at", ts(r.createdAt()))
                .update();
    }

    void attachStripeId(UUID id, String stripeRefundId) {
        jdbc.sql("UPDATE refunds SET stripe_refund_id = ?, updated_at = now() WHERE id = ? AND stripe_refund_id IS NULL")
                .params(stripeRefundId, id).update();
    }

    /** The Stripe refund of the latest submission (a retry creates a new one and supersedes the failed one). */
    void replaceStripeId(UUID id, String stripeRefundId) {
        jdbc.sql("UPDATE refunds SET stripe_refund_id = ?, updated_at = now() WHERE id = ?").params(stripeRefundId, id).update();
    }

    void moveTo(UUID id, RefundStatus status, Instant at, String failureReason) {
        String stamp = switch (status) {
            case PROCESSING -> "processed_at = COALESCE(processed_at, :at)";
            case SUCCEEDED -> "processed_at = COALESCE(processed_at, :at), settled_at = :at";
            case FAILED -> "failed_at = :at, failure_reason = :reason";
            case CANCELLED -> "cancelled_at = :at";
            case PENDING -> "failure_reason = NULL";
        };
        jdbc.sql("UPDATE refunds SET status = :status, " + stamp + ", updated_at = :at WHERE id = :id")
                .param("status", status.name()).param("at", ts(at)).param("reason", failureReason).param("id", id)
                .update();
    }

    void cancel(UUID id, UUID by, Instant at) {
        jdbc.sql("UPDATE refunds SET status = 'CANCELLED', cancelled_at = ?, cancelled_by = ?, updated_at = ? WHERE id = ?")
                .params(ts(at), by, ts(at), id).update();
    }

    void retried(UUID id, UUID by, Instant at) {
        jdbc.sql("""
                        UPDATE refunds SET status = 'PENDING', retry_count = retry_count + 1, last_retried_at = ?,
                            last_retried_by = ?, failure_reason = NULL, failed_at = NULL, updated_at = ? WHERE id = ?""")
                .params(ts(at), by, ts(at), id).update();
    }

    /** Σ amount of the order's refunds in the given statuses. */
    long sum(UUID orderId, List<RefundStatus> statuses) {
        return jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM refunds WHERE order_id = :order AND status IN (:statuses)")
                .param("order", orderId).param("statuses", statuses.stream().map(Enum::name).toList())
                .query(Long.class).single();
    }

    long sumForPayment(UUID paymentId, RefundStatus status) {
        return jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM refunds WHERE payment_id = ? AND status = ?")
                .params(paymentId, status.name()).query(Long.class).single();
    }

    private Refund map(ResultSet rs, int row) throws SQLException {
        String items = rs.getString("items_json");
        String metadata = rs.getString("metadata_json");
        return new Refund(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("payment_id", UUID.class), rs.getLong("amount"), rs.getString("currency"), rs.getString("type"),
                rs.getString("reason"), rs.getString("notes"), RefundStatus.valueOf(rs.getString("status")),
                rs.getString("stripe_refund_id"), rs.getString("initiator"), rs.getString("requested_by"),
                items == null ? List.of() : json.readValue(items, ITEMS), rs.getString("idempotency_key"),
                instant(rs, "processed_at"), instant(rs, "settled_at"), instant(rs, "failed_at"),
                instant(rs, "cancelled_at"), rs.getObject("cancelled_by", UUID.class), rs.getString("failure_reason"),
                rs.getInt("retry_count"), instant(rs, "last_retried_at"), rs.getObject("last_retried_by", UUID.class),
                metadata == null ? null : json.readValue(metadata, JsonNode.class),
                rs.getObject("credit_note_id", UUID.class), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
