package uk.co.lomashwood.order.refund;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.money.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /v1/refunds} and {@code /bulk} (spec 20 §2.4.8): under the Redis refund lock, the order row is locked,
 * eligibility and the remaining amount checked and a PENDING refund committed; then Stripe is asked.
 */
@Service
public class RefundCreation {

    private final RefundLock lock;
    private final RefundableOrders orders;
    private final RefundEligibility eligibility;
    private final LineRefunds lineRefunds;
    private final RefundRecords records;
    private final RefundSubmission submission;
    private final TransactionTemplate transaction;

    public RefundCreation(RefundLock lock, RefundableOrders orders, RefundEligibility eligibility, LineRefunds lineRefunds,
                          RefundRecords records, RefundSubmission submission, PlatformTransactionManager transactions) {
        this.lock = lock;
        this.orders = orders;
        this.eligibility = eligibility;
        this.lineRefunds = lineRefunds;
        this.records = records;
        this.submission = submission;
        this.transaction = new TransactionTemplate(transactions);
    }

    Refund create(RefundRequests.Create request, UUID adminId, String idempotencyKey) {
        return lock.around(request.orderId(), () -> {
            UUID refundId = transaction.execute(status -> prepare(request, adminId, idempotencyKey));
            return submission.submit(refundId);
        });
    }

    /** Each order refunded in full; one order's failure does not stop the others. */
    Map<String, Object> bulk(RefundRequests.Bulk request, UUID adminId) {
        List<Map<String, Object>> successful = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        for (UUID orderId : request.orderIds()) {
            try {
                Refund refund = create(new RefundRequests.Create(orderId, null, null, request.reason(), null, null), adminId, null);
                successful.add(Map.of("orderId", orderId, "refundId", refund.id()));
            } catch (ApiException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("orderId", orderId);
                error.put("error", Map.of("code", e.code().name(), "detail", e.detail()));
                failed.add(error);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("successful", successful);
        body.put("failed", failed);
        body.put("total", request.orderIds().size());
        return body;
    }

    private UUID prepare(RefundRequests.Create request, UUID adminId, String idempotencyKey) {
        OrderFunds funds = orders.lock(request.orderId())
                .orElseThrow(() -> ApiException.reference(ErrorCode.ORDER_NOT_FOUND, "No order with this orderId."));
        eligibility.adminRefusal(funds).ifPresent(refusal -> {
            throw refusal;
        });
        List<Refund.Item> items = request.items() == null ? null : lineRefunds.price(funds.orderId(), request.items().stream()
                .map(i -> new LineRefunds.Requested(i.orderItemId(), i.quantity())).toList());
        long amount = items != null ? items.stream().mapToLong(Refund.Item::amount).sum()
                : request.amount() != null ? Money.ofPounds(request.amount()).pence() : funds.remaining();
        if (amount > funds.remaining()) {
            throw new ApiException(ErrorCode.REFUND_EXCEEDS_PAYMENT, "At most " + Money.ofPence(funds.remaining())
                    + " can still be refunded on this order.").with("maxRefundableAmount", Money.ofPence(funds.remaining()));
        }
        return records.pending(funds, amount, items, request.reason(), request.notes(), "ADMIN", adminId.toString(),
                idempotencyKey, request.metadata()).id();
    }
}
