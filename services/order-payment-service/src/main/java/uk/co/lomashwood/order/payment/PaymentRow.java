package uk.co.lomashwood.order.payment;

import java.time.Instant;
import java.util.UUID;

/** A {@code payments} row: one PaymentIntent attempt of an order (spec 20 §2.2). Amounts in pence. */
public record PaymentRow(UUID id, UUID orderId, int attemptNo, String method, PaymentStatus status, long amount,
                         long amountRefunded, String currency, String stripePaymentIntentId, String stripeClientSecret,
                         String stripeChargeId, String cardBrand, String cardLast4, Integer cardExpMonth,
                         Integer cardExpYear, String receiptUrl, String failureCode, String failureMessage,
                         String cancellationSource, String metadata, Instant succeededAt, Instant failedAt,
                         Instant cancelledAt, Instant refundedAt, Instant createdAt, Instant updatedAt) {
}
