package uk.co.lomashwood.order.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Customer;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Line;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Payment;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.Supplier;
import uk.co.lomashwood.order.invoice.InvoiceSnapshot.VatRate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code invoices} table: invoices and credit notes (spec 20 §2.2). */
@Repository
public class Invoices {

    static final String SELECT = """
            SELECT i.*, o.order_number, orig.invoice_number AS original_invoice_number
              FROM invoices i JOIN orders o ON o.id = i.order_id
              LEFT JOIN invoices orig ON orig.id = i.original_invoice_id
            """;
    private static final TypeReference<List<Line>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<VatRate>> RATES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public Invoices(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Invoice> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE i.id = ? AND i.deleted_at IS NULL").param(id).query(this::map).optional();
    }

    public Optional<Invoice> findByNumber(String number) {
        return jdbc.sql(SELECT + " WHERE i.invoice_number = ? AND i.deleted_at IS NULL").param(number).query(this::map)
                .optional();
    }

    /** The order's invoice first (live before void), then its credit notes in number order. */
    public List<Invoice> ofOrder(UUID orderId) {
        return jdbc.sql(SELECT + """
                         WHERE i.order_id = ? AND i.deleted_at IS NULL
                         ORDER BY (i.type = 'INVOICE') DESC, (i.status = 'VOID'), i.created_at, i.invoice_number""")
                .param(orderId).query(this::map).list();
    }

    public Optional<UUID> liveInvoiceId(UUID orderId) {
        return jdbc.sql("SELECT id FROM invoices WHERE order_id = ? AND type = 'INVOICE' AND status <> 'VOID'")
                .param(orderId).query(UUID.class).optional();
    }

    public Optional<UUID> creditNoteId(UUID refundId) {
        return jdbc.sql("SELECT id FROM invoices WHERE refund_id = ?").param(refundId).query(UUID.class).optional();
    }

    List<Invoice> page(String where, Map<String, Object> params, String orderBy, int limit, long offset) {
        return jdbc.sql(SELECT + " WHERE " + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset).query(this::map).list();
    }

    long count(String where, Map<String, Object> params) {
        return jdbc.sql("SELECT count(*) FROM invoices i WHERE " + where).params(params).query(Long.class).single();
    }

    void insert(Invoice invoice) {
        jdbc.sql("""
                        INSERT INTO invoices (id, invoice_number, type, order_id, user_id, refund_id, original_invoice_id, status,
                            subtotal, discount_amount, shipping_amount, tax_amount, total_amount, paid_amount, currency,
                            bill_from, bill_to, ship_to, line_items, vat_breakdown, payment_summary, issued_at, due_date, paid_at,
                            notes, terms, metadata)
                        VALUES (:id, :number, :type, :orderId, :userId, :refundId, :originalId, :status,
                            :subtotal, :discount, :shipping, :tax, :total, :paid, :currency,
                            CAST(:billFrom AS jsonb), CAST(:billTo AS jsonb), CAST(:shipTo AS jsonb), CAST(:lines AS jsonb),
                            CAST(:vat AS jsonb), CAST(:payment AS jsonb), :issuedAt, :dueDate, :paidAt, :notes, :terms,
                            CAST(:metadata AS jsonb))""")
                .param("id", invoice.id()).param("number", invoice.invoiceNumber()).param("type", invoice.type())
                .param("orderId", invoice.orderId()).param("userId", invoice.userId())
                .param("refundId", invoice.refundId()).param("originalId", invoice.originalInvoiceId())
                .param("status", invoice.status()).param("subtotal", invoice.subtotal())
                .param("discount", invoice.discountAmount()).param("shipping", invoice.shippingAmount())
                .param("tax", invoice.taxAmount()).param("total", invoice.totalAmount())
                .param("paid", invoice.paidAmount()).param("currency", invoice.currency())
                .param("billFrom", write(invoice.billFrom())).param("billTo", write(invoice.billTo()))
                .param("shipTo", write(invoice.shipTo())).param("lines", write(invoice.lineItems()))
                .param("vat", write(invoice.vatBreakdown())).param("payment", write(invoice.paymentSummary()))
                .param("issuedAt", ts(invoice.issuedAt())).param("dueDate", invoice.dueDate())
                .param("paidAt", ts(invoice.paidAt())).param("notes", invoice.notes()).param("terms", invoice.terms())
                .param("metadata", write(invoice.metadata()))
                .update();
    }

    void markRendered(UUID id, String key, Instant at) {
        jdbc.sql("UPDATE invoices SET pdf_key = ?, pdf_generated_at = ?, updated_at = ? WHERE id = ?")
                .params(key, ts(at), ts(at), id).update();
    }

    void markSent(UUID id, Instant at) {
        jdbc.sql("UPDATE invoices SET sent_at = ?, updated_at = ? WHERE id = ?").params(ts(at), ts(at), id).update();
    }

    /** Voids the document when it is still in {@code status}; false when someone changed it meanwhile. */
    boolean markVoid(UUID id, String fromStatus, String reason, Instant at) {
        return jdbc.sql("""
                        UPDATE invoices SET status = 'VOID', voided_at = ?, void_reason = ?, updated_at = ?
                        WHERE id = ? AND status = ?""")
                .params(ts(at), reason, ts(at), id, fromStatus).update() == 1;
    }

    private String write(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private <T> T read(ResultSet rs, String column, Class<T> type) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : json.readValue(text, type);
    }

    private <T> T read(ResultSet rs, String column, TypeReference<T> type) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : json.readValue(text, type);
    }

    private Invoice map(ResultSet rs, int row) throws SQLException {
        return new Invoice(rs.getObject("id", UUID.class), rs.getString("invoice_number"), rs.getString("type"),
                rs.getObject("order_id", UUID.class), rs.getString("order_number"), rs.getObject("user_id", UUID.class),
                rs.getObject("refund_id", UUID.class), rs.getObject("original_invoice_id", UUID.class),
                rs.getString("original_invoice_number"), rs.getString("status"), rs.getLong("subtotal"),
                rs.getLong("discount_amount"), rs.getLong("shipping_amount"), rs.getLong("tax_amount"),
                rs.getLong("total_amount"), rs.getLong("paid_amount"), rs.getString("currency"),
                read(rs, "bill_from", Supplier.class), read(rs, "bill_to", Customer.class),
                read(rs, "ship_to", JsonNode.class), read(rs, "line_items", LINES), read(rs, "vat_breakdown", RATES),
                read(rs, "payment_summary", Payment.class), instant(rs, "issued_at"),
                rs.getObject("due_date", LocalDate.class), instant(rs, "paid_at"), instant(rs, "sent_at"),
                instant(rs, "voided_at"), rs.getString("void_reason"), rs.getString("pdf_key"),
                instant(rs, "pdf_generated_at"), rs.getString("notes"), rs.getString("terms"),
                read(rs, "metadata", JsonNode.class), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
