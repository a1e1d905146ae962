package uk.co.lomashwood.order.refund;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Optional;
import java.util.UUID;

/**
 * Refunds the platform starts itself (cancellation, late payment, stock that could not be committed): initiator
 * SYSTEM, no window, the whole remaining amount. The PENDING row joins the caller's transaction; Stripe is called
 * only once that transaction has committed, so a rolled-back cancellation never refunds anything.
 */
@Service
public class SystemRefundsService implements SystemRefunds {

    private final RefundableOrders orders;
    private final RefundEligibility eligibility;
    private final RefundRecords records;
    private final RefundSubmission submission;

    public SystemRefundsService(RefundableOrders orders, RefundEligibility eligibility, RefundRecords records,
                                RefundSubmission submission) {
        this.orders = orders;
        this.eligibility = eligibility;
        this.records = records;
        this.submission = submission;
    }

    @Override
    @Transactional
    public Optional<UUID> refundRemaining(UUID orderId, String reason) {
        RefundReason why = RefundReason.valueOf(reason);
        OrderFunds funds = orders.lock(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        long amount = eligibility.systemRefundable(funds);
        if (amount <= 0) {
            return Optional.empty();
        }
        Refund refund = records.pending(funds, amount, null, why, null, "SYSTEM", "system", null, null);
        UUID refundId = refund.id();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                submission.submitQuietly(refundId);
            }
        });
        return Optional.of(refundId);
    }
}
