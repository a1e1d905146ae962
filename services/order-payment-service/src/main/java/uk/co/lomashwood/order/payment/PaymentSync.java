package uk.co.lomashwood.order.payment;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.order.stripe.PaymentGatewayException;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

/**
 * Pulls an intent's current state from the provider and applies it through {@link IntentTransitions} in one
 * transaction: {@code POST /v1/payments/confirm} (§2.4.5 step 3) and the reconciliation job (§2.6).
 */
@Service
public class PaymentSync {

    private final PaymentGateway gateway;
    private final IntentTransitions transitions;
    private final TransactionTemplate transactions;

    public PaymentSync(PaymentGateway gateway, IntentTransitions transitions, TransactionTemplate transactions) {
        this.gateway = gateway;
        this.transitions = transitions;
        this.transactions = transactions;
    }

    /** @return the intent as the provider reported it */
    public PaymentGateway.Intent sync(String paymentIntentId, UUID orderId) {
        PaymentGateway.Intent intent;
        try {
            intent = gateway.retrieveIntent(paymentIntentId);
        } catch (PaymentGatewayException e) {
            throw new ApiException(ErrorCode.PAYMENT_GATEWAY_ERROR,
                    "The payment provider is unavailable; the payment will be updated when it answers.")
                    .with("orderId", orderId);
        }
        apply(intent);
        return intent;
    }

    /** Applies an intent already read from the provider (joins the caller's transaction when there is one). */
    public void apply(PaymentGateway.Intent intent) {
        transactions.executeWithoutResult(status -> transitions.apply(intent, null));
    }
}
