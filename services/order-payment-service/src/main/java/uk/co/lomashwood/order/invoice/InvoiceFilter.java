package uk.co.lomashwood.order.invoice;

import uk.co.lomashwood.platform.core.money.Money;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The admin invoice table's filters and sort ({@code GET /v1/invoices}) as SQL over alias {@code i}. */
record InvoiceFilter(String where, Map<String, Object> params, String orderBy) {

    private static final Set<String> TYPES = Set.of(Invoice.INVOICE, Invoice.CREDIT_NOTE);
    private static final Set<String> STATUSES = Set.of("DRAFT", "ISSUED", "PAID", "PARTIALLY_PAID", "OVERDUE", "CANCELLED", "VOID");
    private static final Map<String, String> SORTS = Map.of("createdAt", "i.created_at", "issuedAt", "i.issued_at",
            "totalAmount", "i.total_amount", "status", "i.status");

    static InvoiceFilter of(String type, String status, UUID userId, UUID orderId, String invoiceNumber, String fromDate,
                            String toDate, Money minAmount, Money maxAmount, String sort) {
        SqlWhere where = new SqlWhere("i.deleted_at IS NULL")
                .and("i.type = :type", "type", type == null ? null : QueryValues.oneOf("type", type, TYPES))
                .and("i.status IN (:statuses)", "statuses", status == null ? null : Arrays.stream(status.split(","))
                        .map(s -> QueryValues.oneOf("status", s.trim(), STATUSES)).toList())
                .and("i.user_id = :userId", "userId", userId)
                .and("i.order_id = :orderId", "orderId", orderId)
                .and("i.invoice_number = :number", "number", invoiceNumber)
                .and("i.issued_at >= :from", "from", QueryValues.instant("fromDate", fromDate))
                .and("i.issued_at < :to", "to", QueryValues.instant("toDate", toDate))
                .and("i.total_amount >= :min", "min", minAmount == null ? null : minAmount.pence())
                .and("i.total_amount <= :max", "max", maxAmount == null ? null : maxAmount.pence());
        return new InvoiceFilter(where.sql(), where.params(), QueryValues.orderBy(sort, SORTS, "i.id"));
    }
}
