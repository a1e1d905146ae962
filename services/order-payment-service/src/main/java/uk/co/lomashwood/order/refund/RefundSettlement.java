package uk.co.lomashwood.order.refund;

import uk.co.lomashwood.order.stripe.PaymentGateway;

/**
 * Applies the provider's view of a refund (from {@code refund.updated}, {@code charge.refunded} or
 * reconciliation) inside the caller's transaction: status mapping of spec 20 §2.4.6; on SUCCEEDED the payment
 * and order amounts and statuses, the credit note and {@code order.payment.refund_issued} (once per refund); on
 * FAILED {@code order.payment.refund_failed}. A refund made in the Stripe dashboard (unknown id) is recorded
 * with initiator ADMIN and reason OTHER. Applying the same state twice changes nothing.
 */
public interface RefundSettlement {

    void apply(PaymentGateway.Refund refund, String stripeEventId);
}
