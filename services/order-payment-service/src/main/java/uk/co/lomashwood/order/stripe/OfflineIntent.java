package uk.co.lomashwood.order.stripe;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A payment intent as the offline provider keeps it (one row of {@code offline_payment_intents}). */
record OfflineIntent(String id, String clientSecret, String idempotencyKey, String status, long amount, String currency,
                     String description, String receiptEmail, String customerId, String setupFutureUsage,
                     Map<String, String> metadata, String paymentMethod, String chargeId, String chargeStatus,
                     String cardBrand, String cardLast4, Integer cardExpMonth, Integer cardExpYear, long amountRefunded,
                     String lastErrorCode, String lastErrorDeclineCode, String lastErrorMessage,
                     String cancellationReason, Instant createdAt) {

    static final String REQUIRES_PAYMENT_METHOD = "requires_payment_method";
    static final String REQUIRES_ACTION = "requires_action";
    static final String SUCCEEDED = "succeeded";
    static final String CANCELED = "canceled";

    boolean confirmable() {
        return status.equals(REQUIRES_PAYMENT_METHOD) || status.equals(REQUIRES_ACTION) || status.equals("requires_confirmation");
    }

    boolean cancellable() {
        return confirmable() || status.equals("processing") || status.equals("requires_capture");
    }

    OfflineIntent withStatus(String newStatus) {
        return new OfflineIntent(id, clientSecret, idempotencyKey, newStatus, amount, currency, description, receiptEmail,
                customerId, setupFutureUsage, metadata, paymentMethod, chargeId, chargeStatus, cardBrand, cardLast4,
                cardExpMonth, cardExpYear, amountRefunded, lastErrorCode, lastErrorDeclineCode, lastErrorMessage,
                cancellationReason, createdAt);
    }

    /** The outcome of a confirmation with {@code card}: a new charge (none while 3-D Secure is pending). */
    OfflineIntent confirmedWith(OfflineTestCard card, OfflineTestCard.Outcome outcome, String paymentMethodId,
                                String newChargeId, int expYear) {
        String newStatus = switch (outcome) {
            case SUCCEEDS -> SUCCEEDED;
            case DECLINED -> REQUIRES_PAYMENT_METHOD;
            case REQUIRES_ACTION -> REQUIRES_ACTION;
        };
        boolean declined = outcome == OfflineTestCard.Outcome.DECLINED;
        boolean charged = outcome != OfflineTestCard.Outcome.REQUIRES_ACTION;
        return new OfflineIntent(id, clientSecret, idempotencyKey, newStatus, amount, currency, description, receiptEmail,
                customerId, setupFutureUsage, metadata, paymentMethodId, charged ? newChargeId : chargeId,
                charged ? (declined ? "failed" : SUCCEEDED) : chargeStatus, card.brand(), card.last4(), 12, expYear,
                amountRefunded, declined ? "card_declined" : null, declined ? card.declineCode() : null,
                declined ? card.message() : null, cancellationReason, createdAt);
    }

    OfflineIntent refunded(long refundedAmount) {
        return new OfflineIntent(id, clientSecret, idempotencyKey, status, amount, currency, description, receiptEmail,
                customerId, setupFutureUsage, metadata, paymentMethod, chargeId, chargeStatus, cardBrand, cardLast4,
                cardExpMonth, cardExpYear, amountRefunded + refundedAmount, lastErrorCode, lastErrorDeclineCode,
                lastErrorMessage, cancellationReason, createdAt);
    }

    /** The record the rest of the service reads, with the latest charge "expanded" as Stripe does on request. */
    PaymentGateway.Intent view(String receiptUrlBase) {
        Optional<PaymentGateway.Charge> charge = chargeId == null ? Optional.empty() : Optional.of(new PaymentGateway.Charge(
                chargeId, "CARD", cardBrand, cardLast4, cardExpMonth, cardExpYear,
                SUCCEEDED.equals(chargeStatus) ? receiptUrlBase + chargeId : null,
                SUCCEEDED.equals(chargeStatus) ? amount : 0, amountRefunded, paymentMethod));
        Optional<PaymentGateway.LastError> error = lastErrorCode == null ? Optional.empty()
                : Optional.of(new PaymentGateway.LastError(lastErrorCode, lastErrorDeclineCode, lastErrorMessage));
        return new PaymentGateway.Intent(id, clientSecret, status, amount, currency, metadata, charge, error, cancellationReason);
    }
}
