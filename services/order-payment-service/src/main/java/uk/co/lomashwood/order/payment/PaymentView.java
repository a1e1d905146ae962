package uk.co.lomashwood.order.payment;

import java.time.Instant;
import java.util.UUID;

import uk.co.lomashwood.platform.core.money.Money;

/** The Payment resource (spec 20 §2.3): masked card data only, never the client secret. */
public record PaymentView(UUID id, UUID orderId, int attemptNo, String provider, String method, String status,
                          Money amount, Money amountRefunded, String currency, String stripePaymentIntentId,
                          String stripeChargeId, Card card, String receiptUrl, String failureCode,
                          String failureMessage, String cancellationSource, Instant succeededAt, Instant failedAt,
                          Instant cancelledAt, Instant refundedAt, Instant createdAt, Instant updatedAt) {

    public record Card(String brand, String last4, Integer expMonth, Integer expYear) {
    }

    static PaymentView of(PaymentRow row) {
        Card card = row.cardLast4() == null ? null
                : new Card(row.cardBrand(), row.cardLast4(), row.cardExpMonth(), row.cardExpYear());
        return new PaymentView(row.id(), row.orderId(), row.attemptNo(), "STRIPE", row.method(), row.status().name(),
                Money.ofPence(row.amount()), Money.ofPence(row.amountRefunded()), Money.CURRENCY,
                row.stripePaymentIntentId(), row.stripeChargeId(), card, row.receiptUrl(), row.failureCode(),
                row.failureMessage(), row.cancellationSource(), row.succeededAt(), row.failedAt(), row.cancelledAt(),
                row.refundedAt(), row.createdAt(), row.updatedAt());
    }
}
